"""The parser's version: part of every extraction's lineage. Bump it whenever output changes."""

# 1.4.0: personal data masked (docs/privacy.md); real-page phrasings, extractors isolated;
# tables aligned by their headers' grid places, PDFs read through PDFium.
# 1.5.0: held-out layout families (announcements, run-together and one-cell-per-line forms, payments).
# 1.6.0: generalization from held-out pages (form scores, township units, colon labels, one-fund titles).
# 1.7.0: sentence frames and cover cells (现将…报告如下, 项目业主为…, 委托单位), zero total rows with a
# 财政拨款 row, label-less budget rows, one-cell-per-line basic data, traditional reports under a
# simplified header, enumerated and sub-heading projects, third-party evaluations for a finance office.
# 1.8.0: held-out pages of other provinces and unit types (site menus and news outlets are no unit,
# short forms written out, the unit that carried out the evaluation, signatures, 上年度 years;
# evaluated projects named in a sentence or as numbered items with their own figures, 资金规模 and
# issued budgets after their issuers, masked figures, flattened score rows); 政法专项编制 no total;
# others' figures (a bidding site's header, several units' money, an overall report's fund items).
# 1.9.0: lists by shape (counted and numbered items, quoted evaluated names, a cover's evaluated
# project, a fund's bracketed qualifier), a form's lone total row and a one-project results list as the
# score, self-evaluation amounts (年初…下达, 决算数 of one project, a whole and its parts), units from a
# project count and from 业主单位 / 项目预算单位 fields, summary reports as overall, titleless projects;
# funds' uses by ordinal and named runs (等项目资金), payments' breakdowns as spending, tracking and
# picked-project evaluations as key projects, pipe rows rejoined and a short budget row placed by its 执行率.
# 1.10.0: a third held-out set (units' own notices and picked projects, 共青团 and party organs' doubled
# labels, a firm's alias is no unit, bare year titles as overall, hired firms as key evaluations;
# budgets over a span of years, one level's own share, income by nature and flattened summary tables,
# staff in form rows and a unit's own words, bonus-point scores up to 110, 项目一/项目二 paragraphs);
# about a quarter less CPU per report (privacy patterns, name tagger, label scans, indicator re-reads).
# 1.10.1: funds by category paragraph (某类：…下达…资金共N万元), 用于 without its verb; indicator tables
# whose two-row header runs into the first row, rows in pieces, level cells split over lines.
# 1.11.0: a fourth held-out set: several projects' forms on one page (figures the forms' own, page
# amounts null), one part of a fund, lists cut at a shared copy's page ends, expense-line tables as a
# form's parts, quoted counted lists, titles and openings naming the fund; transfer and untitled template
# evaluations no longer rejected, commissioned firms as key, a cover naming the unit as its own
# evaluator; 项目到位资金, funds issued through several notices, a project's 执行数 in a unit's report,
# 经自评，该项目得分; party schools' joint names, 单位名称（本级）; a district's name inside a word
# places no report. Parser modules grouped into units/, projects/, amounts/, scores/.
# 1.12.0: a fifth held-out set: budget rows with a row number (行次) lined up by their 执行率; untitled
# openings on an evaluation (某局对…开展了绩效评价) and prose under dated header lines are reports;
# next-year cut-offs and a breakdown's numbered parts are no whole, 调整预算后…预算, funds received
# (获得/收到…万元); short special funds as items, facility projects in forms, levels' shares and what a
# county applied for are no projects; 城乡居民 no township, a publisher under two names, bylines, the
# unit an evaluation is about; unscored indicator tables, staff before empty cell borders.
# 1.13.0: a sixth held-out set, fixes only for classes seen on two pages or more: a one-project
# report's 支出资金/拨付资金 as its spending (an issuer's 财政拨付 not), the fund(s) a title opens
# with when its core reading loses them (two funds joined by 和 as two projects); names that are no
# project (a year after a fund's name, 其他资金, a figure inside a name, 以下项目, a unit's whole
# spending outside an announcement's items); about a tenth less CPU per txt report.
PARSER_VERSION = "1.13.0"
