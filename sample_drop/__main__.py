"""``python -m sample_drop``: the sample-drop generator's command line (``sample_drop.cli``)."""

from sample_drop.cli import main

raise SystemExit(main())
