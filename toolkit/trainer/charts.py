"""Answer distributions as horizontal bars in plain HTML and CSS: no plotting library, no
script, the same markup in the dashboard, on the projector and in the offline report.

Each bar carries its count as text, so the chart reads without colour and to a screen reader.
"""

from __future__ import annotations

import html

from toolkit.trainer.board import Distribution

MODEL_MARK = "✓"  # beside the model answer's bar, when it is shown


def bars_html(distribution: Distribution, *, show_model: bool = True) -> str:
    """The distribution as bars; ``show_model`` marks the model answer's bar."""
    e = html.escape
    d = distribution
    summary = f"{d.answered} of {d.groups} group{'' if d.groups == 1 else 's'} answered"
    if not d.bars:
        return f'<div class="lr-chart"><p class="lr-chart-summary">{summary}.</p></div>'
    most = max((bar.count for bar in d.bars), default=0) or 1
    rows = []
    for bar in d.bars:
        model = show_model and bar.model
        mark = (
            f' <span class="lr-model-mark" title="model answer">{MODEL_MARK}</span>'
            if model else ""
        )  # fmt: skip
        width = round(100 * bar.count / most)
        rows.append(
            f'<div class="lr-bar-row{" lr-bar-model" if model else ""}">'
            f'<span class="lr-bar-label">{e(bar.label)}{mark}</span>'
            f'<span class="lr-bar-track"><span class="lr-bar" style="width:{width}%"></span>'
            f'</span><span class="lr-bar-count">{bar.count}</span></div>'
        )
    return (
        f'<div class="lr-chart" role="img" aria-label="{e(_described(d, show_model))}">'
        f'{"".join(rows)}<p class="lr-chart-summary">{summary}.</p></div>'
    )


def _described(d: Distribution, show_model: bool) -> str:
    parts = [f"{bar.label}: {bar.count}" for bar in d.bars]
    model = [bar.label for bar in d.bars if bar.model]
    if show_model and model:
        parts.append(f"model answer: {', '.join(model)}")
    return "; ".join(parts)


CHART_CSS = """
.lr-chart { max-width: 46em; margin: .3em 0 .8em; }
.lr-bar-row { display: grid; grid-template-columns: minmax(8em, 18em) 1fr 3em; gap: .5em;
  align-items: center; margin: .15em 0; }
.lr-bar-label { overflow-wrap: anywhere; }
.lr-bar-track { background: #eef1f5; height: 1.1em; border-radius: 3px; }
.lr-bar { display: block; height: 100%; background: #4a6fa5; border-radius: 3px; }
.lr-bar-model .lr-bar { background: #1b7a3a; }
.lr-bar-model .lr-bar-label { font-weight: bold; }
.lr-model-mark { color: #1b7a3a; }
.lr-bar-count { text-align: right; font-variant-numeric: tabular-nums; }
.lr-chart-summary { color: #555; margin: .2em 0; }
"""
