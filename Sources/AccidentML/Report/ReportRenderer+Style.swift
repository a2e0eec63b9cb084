extension ReportRenderer {
    /// The page's CSS: system fonts only, a two-column grid of cards, and the SVG classes the charts use.
    static let style = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f4f6f9; color: #1e293b;
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1140px; margin: 0 auto; padding: 28px 24px 40px; }
        header h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
        .subtitle, .lead { color: #475569; margin: 0 0 8px; }
        h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 2px solid #dbe2ea; }
        h3 { font-size: 15px; margin: 0 0 10px; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px; align-items: start; }
        .card { background: #fff; border: 1px solid #dfe5ec; border-radius: 10px; padding: 16px 18px; margin: 0;
          box-shadow: 0 1px 2px rgba(15, 23, 42, 0.04); }
        .wide { grid-column: 1 / -1; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption, .caption { color: #475569; font-size: 13px; margin-top: 8px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin: 12px 0 18px; }
        .metric { background: #fff; border: 1px solid #dfe5ec; border-radius: 10px; padding: 12px 14px; }
        .metric-name { font-weight: 600; color: #334155; }
        .metric-name span { display: block; font-weight: 400; font-size: 11px; color: #64748b; }
        .metric-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; color: #0f172a; }
        .metric-train { font-size: 12px; color: #64748b; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.kv th { text-align: left; font-weight: 600; color: #475569; width: 30%; padding: 4px 10px 4px 0; vertical-align: top; }
        table.kv td { padding: 4px 0; word-break: break-word; }
        table.kv tr + tr { border-top: 1px solid #eef2f6; }
        table.data th, table.data td { padding: 4px 8px; border-bottom: 1px solid #eef2f6; text-align: left; }
        table.data thead th { color: #475569; font-weight: 600; border-bottom: 2px solid #dbe2ea; white-space: nowrap; }
        table.data tbody th { font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .minibar { display: inline-block; height: 8px; background: #f59e0b; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
        footer { margin-top: 32px; color: #64748b; font-size: 12px; }
        svg text { font-family: inherit; fill: #334155; }
        svg .tick { font-size: 11px; fill: #64748b; font-variant-numeric: tabular-nums; }
        svg .axis-title { font-size: 12px; font-weight: 600; fill: #475569; }
        svg .panel-title { font-size: 13px; font-weight: 600; fill: #1e293b; }
        svg .legend { font-size: 12px; fill: #334155; }
        svg .legend-title { font-size: 12px; fill: #475569; }
        svg .note { font-size: 12px; fill: #64748b; font-style: italic; }
        svg .header { font-size: 12px; fill: #334155; }
        svg .value { font-size: 11px; fill: #475569; font-variant-numeric: tabular-nums; }
        svg .marker-label, svg .point-label { font-size: 11px; fill: #475569; }
        svg .grid { stroke: #e9eef4; stroke-width: 1; }
        svg .axis { stroke: #94a3b8; stroke-width: 1; }
        svg .reference { stroke: #94a3b8; stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .marker { stroke: #64748b; stroke-width: 1.5; }
        svg .bubble { fill-opacity: 0.55; stroke: #ffffff; stroke-width: 1; }
        svg .bar { fill-opacity: 0.85; }
        svg .cell { stroke: #ffffff; stroke-width: 2; }
        svg .cell-text { font-size: 13px; fill: #1e293b; font-variant-numeric: tabular-nums; }
        svg .cell-text.strong { font-weight: 650; font-size: 14px; }
        svg .cell-text.light { fill: #ffffff; }
        svg .land { fill: #eef2f6; stroke: #c5cfdb; stroke-width: 1; stroke-linejoin: round; }
        svg .dot { stroke: #475569; stroke-width: 0.6; stroke-opacity: 0.7; }
        svg .dot-code { font-size: 8px; fill: #1e293b; pointer-events: none; }
        svg .dot-code.light { fill: #ffffff; }
        svg .inset { fill: #eef2f6; stroke: #c5cfdb; }
        svg .inset-label { font-size: 9.5px; fill: #475569; }
        svg .zoom-mark { fill: none; stroke: #64748b; stroke-width: 0.8; stroke-dasharray: 2 2; }
        svg .size-key { fill: none; stroke: #64748b; stroke-width: 1; }
        svg .bar-frame { stroke: #cbd5e1; stroke-width: 0.5; }
        @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } }

        """
}
