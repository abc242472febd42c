"""Chart builders: what they draw, in which colours, and that SVG output stays vector."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from matplotlib.figure import Figure

from brm_desk.domain.balance import FocusTally, MonthBalance, PartnerBalance
from brm_desk.domain.enums import Focus
from brm_desk.reports.charts import (
    ChartPalette,
    Unit,
    draw_balance,
    figure_to_svg,
    new_figure,
    portfolio_chart,
)
from chart_reading import bars, heights, stacks


def balance(name: str = "Finance", *tallies: FocusTally, target: float = 0.6) -> PartnerBalance:
    months = tuple(MonthBalance(date(2026, 1 + n, 1), tally) for n, tally in enumerate(tallies))
    return PartnerBalance(
        partner_id=name.lower(),
        name=name,
        period_from=date(2026, 1, 1),
        period_to=date(2026, len(tallies), 28),
        target_strategic_share=target,
        touch_cadence_days=30,
        tally=sum((t for t in tallies), FocusTally()),
        last_strategic=date(2026, 1, 15),
        months=months,
    )


def balance_chart(
    balance: PartnerBalance,
    *,
    unit: Unit = "count",
    palette: ChartPalette,
    size: tuple[float, float] = (7.0, 3.2),
) -> Figure:
    """A new figure drawn by draw_balance, as the app's chart and the pack draw theirs."""
    figure = new_figure(palette, size)
    draw_balance(figure, balance, unit=unit, palette=palette)
    return figure


THREE_MONTHS = (
    FocusTally(4, 1, 1, 240, 30, 60),
    FocusTally(2, 2, 2, 120, 60, 180),
    FocusTally(0, 1, 3, 0, 45, 300),
)
PALETTES = [ChartPalette.light(), ChartPalette.dark(), ChartPalette.print()]


@pytest.mark.parametrize("palette", PALETTES)
def test_the_balance_chart_stacks_each_focus_per_month(palette: ChartPalette) -> None:
    figure = balance_chart(balance("Finance", *THREE_MONTHS), palette=palette)
    assert isinstance(figure, Figure)
    bars_axes, share_axes = figure.axes
    patches = stacks(bars_axes)
    assert list(patches) == ["Reactive", "Routine", "Strategic"]
    assert heights(bars_axes, 3) == {
        "Reactive": [4, 2, 0],
        "Routine": [1, 2, 1],
        "Strategic": [1, 2, 3],
    }
    assert [round(bottom) for bottom, _h in bars(patches["Strategic"], 3)] == [5, 4, 1]
    assert patches["Reactive"].get_facecolor()[:3] == pytest.approx(_rgb(palette.reactive))
    share_line = next(line for line in share_axes.lines if line.get_label() == "Strategic share")
    assert list(share_line.get_ydata()) == pytest.approx([0.2, 0.5, 1.0])
    target = next(line for line in share_axes.lines if line.get_label().startswith("Target"))
    assert list(target.get_ydata()) == [0.6, 0.6]
    assert target.get_linestyle() == "--"
    legend = bars_axes.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "Reactive", "Routine", "Strategic", "Target 60%", "Strategic share",
    ]  # fmt: skip


def test_the_hours_view_stacks_meeting_hours() -> None:
    figure = balance_chart(balance("Finance", *THREE_MONTHS), unit="hours", palette=PALETTES[0])
    assert heights(figure.axes[0], 3)["Strategic"] == [1.0, 3.0, 5.0]
    assert figure.axes[0].get_ylabel() == "Meeting hours"


def test_an_empty_period_still_draws_a_tidy_chart() -> None:
    figure = balance_chart(balance("Quiet", FocusTally(), FocusTally()), palette=PALETTES[0])
    assert figure.axes[0].get_ylim() == (0, 1)
    assert figure_to_svg(figure).startswith(b"<?xml")


def test_the_focus_colours_are_the_same_family_in_every_palette() -> None:
    for palette in PALETTES:
        colours = {palette.focus(f) for f in Focus}
        assert len(colours) == 3
    assert ChartPalette.light().strategic == ChartPalette.print().strategic
    assert ChartPalette.light().background != ChartPalette.dark().background


def test_the_portfolio_chart_places_partners_and_names_the_super_fixer_corner() -> None:
    fixer = balance("Sales", FocusTally(30, 5, 2), target=0.6)
    partner = balance("Finance", FocusTally(2, 3, 8), target=0.6)
    quiet = balance("Legal", FocusTally(0, 2, 0))
    figure = portfolio_chart([fixer, partner, quiet], ChartPalette.light())
    axes = figure.axes[0]
    offsets = axes.collections[-1].get_offsets()
    assert [float(v) for p in offsets for v in p] == pytest.approx([2 / 32, 37, 0.8, 13])
    texts = [t.get_text() for t in axes.texts]
    assert any(t.startswith("Super fixer corner") for t in texts)
    assert "Not placed (no reactive or strategic engagement): 1" in texts
    assert [t.get_text() for t in axes.texts if t.get_text() in ("Sales", "Finance")]
    target = next(line for line in axes.lines if line.get_label() == "Target 60%")
    assert list(target.get_xdata()) == [0.6, 0.6]


def test_svg_output_is_vector_with_text_as_paths() -> None:
    svg = figure_to_svg(balance_chart(balance("Finance", *THREE_MONTHS), palette=PALETTES[2]))
    assert b"<image" not in svg
    assert b"<text" not in svg
    assert svg.count(b"<path") > 20


def test_building_charts_never_loads_pyplot() -> None:
    code = (
        "import sys; from datetime import date;"
        "from brm_desk.domain.balance import PartnerBalance, FocusTally;"
        "from brm_desk.reports.charts import ChartPalette, draw_balance, figure_to_svg, new_figure;"
        "b = PartnerBalance('p', 'P', date(2026, 1, 1), date(2026, 1, 31), 0.6, 30,"
        " FocusTally(1, 1, 1), None);"
        "f = new_figure(ChartPalette.light(), (7.0, 3.2));"
        "draw_balance(f, b, palette=ChartPalette.light());"
        "figure_to_svg(f);"
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def _rgb(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


def test_a_figure_reused_for_another_partner_draws_exactly_what_a_new_one_does() -> None:
    """The portfolio pack and the app redraw one figure partner after partner."""
    first = balance("Finance", *THREE_MONTHS, target=0.6)
    second = balance("Sales", *reversed(THREE_MONTHS), target=0.45)
    reused = balance_chart(first, palette=PALETTES[2])
    draw_balance(reused, second, palette=PALETTES[2])
    fresh = balance_chart(second, palette=PALETTES[2])
    assert heights(reused.axes[0], 3) == heights(fresh.axes[0], 3)
    assert len(reused.axes) == 2
    assert len(stacks(reused.axes[0])) == 3  # the first partner's bars are gone
    assert _undated(figure_to_svg(reused)) == _undated(figure_to_svg(fresh))


def _undated(svg: bytes) -> bytes:
    return re.sub(rb"<dc:date>[^<]*</dc:date>", b"", svg)


def test_crowded_portfolio_names_do_not_overlap() -> None:
    """Partners bunched together each keep a readable name, none drawn over another."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    crowd = [
        balance("Finance", FocusTally(2, 5, 7)),
        balance("Human Resources", FocusTally(2, 6, 10)),
        balance("Customer Service", FocusTally(1, 5, 6)),
        balance("Legal & Compliance", FocusTally(1, 3, 6)),
        balance("Supply Chain", FocusTally(1, 2, 10)),
        balance("Procurement", FocusTally(2, 4, 8)),
    ]
    figure = portfolio_chart(crowd, ChartPalette.light())
    renderer = FigureCanvasAgg(figure).get_renderer()
    axes = figure.axes[0]
    names = {b.name for b in crowd}
    labels = [t for t in axes.texts if t.get_text() in names]
    assert sorted(t.get_text() for t in labels) == sorted(names)
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            assert not first.overlaps(second), (first, second)


def test_pack_charts_keep_one_figure_per_thread_and_height() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from brm_desk.reports.pack_document import kept_figure

    here = kept_figure(3.2)
    assert kept_figure(3.2) is here
    assert kept_figure(1.95) is not here
    assert tuple(here.get_size_inches()) == (7.0, 3.2)
    with ThreadPoolExecutor(1) as pool:
        elsewhere = pool.submit(kept_figure, 3.2).result()
    assert elsewhere is not here


def test_a_kept_figure_draws_the_next_partner_as_a_new_one_would() -> None:
    from brm_desk.reports.pack_document import kept_figure

    first = balance("Finance", *THREE_MONTHS)
    second = balance("HR", *reversed(THREE_MONTHS), target=0.4)
    figure = kept_figure(3.2)
    draw_balance(figure, first, palette=ChartPalette.print())
    draw_balance(figure, second, palette=ChartPalette.print())
    fresh = balance_chart(second, palette=ChartPalette.print(), size=(7.0, 3.2))
    assert _undated(figure_to_svg(figure)) == _undated(figure_to_svg(fresh))
