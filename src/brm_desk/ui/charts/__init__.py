"""Balance and portfolio charts on screen: matplotlib, imported when a chart is first shown.

The figures come from :mod:`brm_desk.reports.charts`, the same builders the review packs use;
only the canvas, the colours of the app's palette and the hover and click live here.
"""
