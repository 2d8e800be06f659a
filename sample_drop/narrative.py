"""Invented prose: duties, achievements with stated metrics, problems and measures."""

from __future__ import annotations

import random
from decimal import Decimal

from sample_drop.facts import Metric

PROBLEMS = (
    "绩效评价工作机制尚不健全，绩效监控跟进不够及时",
    "预算编制不够精细，部分支出测算依据不足",
    "年中追加预算项目较多，年初难以对全年支出规模进行可靠预估",
    "部分专项资金到位时间较晚，项目推进节奏偏慢",
    "预算科目划分过细，资金统筹调剂空间不足",
    "年初预算对社区专项资金预计不准确，部分项目实际开支高于预算",
    "绩效目标设置不够具体，部分指标难以量化考核",
)
MEASURES = (
    "健全绩效管理制度，按计划分步开展绩效评价",
    "强化预算执行管理，按季度通报项目资金支付进度",
    "加强项目跟踪问效，定期检查项目实施和资金使用情况",
    "规范预算编制，提高测算精度，提升资金使用效益",
    "健全评价结果运用机制，把自评结果与下年预算安排挂钩",
    "加强与上级部门沟通，争取专项资金及时下达",
    "完善绩效指标体系，做到指标可量化、可考核",
)
DUTIES = (
    "加强党的建设",
    "服务经济发展",
    "组织公共服务",
    "实施公共管理",
    "监督行政执法",
    "动员社会参与",
    "指导基层自治",
    "维护公共安全",
    "做好国防动员",
    "承办上级党委政府交办的其他事项",
)
_LEADS = (
    "坚持党建引领，夯实基层组织基础",
    "扎实做好就业和社会保障工作",
    "扎实推进安全生产专项整治",
    "推动村居环境持续向好",
    "强化城市管理，夯实创卫成果",
    "全力维护辖区社会稳定",
    "深化网格化服务管理",
)
# (name, unit, low, high, decimals, qualifiers)
_METRICS = (
    ("新增就业", "人", 200, 2000, 0, (None,)),
    ("城镇登记失业率", "%", 200, 450, 2, (None,)),
    ("划分微网格", "个", 50, 300, 0, ("余", None)),
    ("排查问题隐患", "处", 100, 900, 0, (None,)),
    ("开展消防安全演练", "场次", 10, 60, 0, ("余",)),
    ("发放宣传资料", "份", 1000, 6000, 0, ("余", None)),
    ("走访困难对象", "人次", 20, 90, 0, (None,)),
    ("完成农户改厕", "户", 30, 200, 0, (None,)),
    ("新增停车泊位", "个", 50, 400, 0, (None, "近")),
    ("办理网上信访件", "件", 50, 200, 0, (None,)),
    ("组织无偿献血", "人", 50, 250, 0, (None,)),
    # Money paid out to people, not the unit's own budget: it must stay out of amounts_wan.
    ("累计发放救助金", "万元", 500, 9000, 2, (None,)),
    ("发放高龄补贴", "万元", 500, 4000, 2, (None,)),
)


def _metric(rng: random.Random, spec: tuple[str, str, int, int, int, tuple[str | None, ...]]) -> Metric:
    name, unit, low, high, decimals, qualifiers = spec
    raw = rng.randint(low, high)
    value = str(Decimal(raw).scaleb(-decimals)) if decimals else str(raw)
    qualifier = rng.choice(qualifiers)
    if qualifier in ("余", "近"):
        value = str(raw // 10 * 10)
    return Metric(name=name, value=value, unit=unit, qualifier=qualifier)


def invent_metrics(rng: random.Random, count: int) -> list[Metric]:
    return [_metric(rng, spec) for spec in rng.sample(_METRICS, count)]


def metric_text(metric: Metric) -> str:
    """近300个 puts its qualifier first; 200余个 after the number."""
    if metric.qualifier == "近":
        return f"{metric.name}近{metric.value}{metric.unit or ''}"
    return metric.phrase


def achievement_paragraphs(rng: random.Random, metrics: list[Metric]) -> list[str]:
    """Narrative paragraphs that state each metric once, one to three per paragraph."""
    paragraphs, left = [], list(metrics)
    while left:
        size = rng.randint(1, 3)
        chunk, left = left[:size], left[size:]
        lead = rng.choice(_LEADS)
        body = "，".join(metric_text(m) for m in chunk)
        paragraphs.append(f"{lead}。全年{body}，各项工作取得明显成效。")
    return paragraphs


def pick(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, min(high, len(pool))))
