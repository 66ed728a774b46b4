/// Shared pieces of the HTML reports: the page head with its stylesheet, and tables.

/// `<!DOCTYPE html>` through `<body>`, with the reports' stylesheet.
func htmlHead(_ title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <title>\(escapeHTML(title))</title>
    <style>
    body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
    table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.uncertain { background: #fff3cd; }
    svg text { font-size: 12px; fill: #222; }
    svg text.group { font-weight: bold; }
    svg rect.bar { fill: #2e7d32; }
    svg rect.negative { fill: #c62828; }
    .total { font-size: 1.4em; }
    /* A4: the print layout, also on screens as narrow as its 180 mm of text: tables take the page's width and wrap
       every cell (numbers too) instead of running off the page; charts scale down. */
    @page { size: A4; margin: 15mm 15mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
    @media print, screen and (max-width: 180mm) {
      body { margin: 0; max-width: none; font-size: 10pt; }
      table { width: 100%; table-layout: fixed; font-size: 8.5pt; }
      th, td { overflow-wrap: anywhere; padding: 0.2em 0.3em; }
      td.number { white-space: normal; }
      svg { max-width: 100%; height: auto; }
    }
    @media print {
      h1, h2, h3 { break-after: avoid; }
      tr, svg, .chart { break-inside: avoid; }
    }
    </style>
    </head>
    <body>

    """
}

/// A table whose columns from `numericFrom` on are right-aligned numbers.
func htmlTable(_ headers: [String], _ rows: [[String]], numericFrom: Int) -> String {
    htmlTable(headers, rows, numeric: numericFrom..<Int.max)
}

/// A table whose columns in `numeric` are right-aligned numbers (kept on one line); the others wrap.
func htmlTable(_ headers: [String], _ rows: [[String]], numeric: Range<Int>) -> String {
    var html = "<table>\n<tr>" + headers.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr>\n"
    for row in rows {
        html += "<tr>" + row.enumerated().map { column, cell in
            numeric.contains(column) ? "<td class=\"number\">\(escapeHTML(cell))</td>" : "<td>\(escapeHTML(cell))</td>"
        }.joined() + "</tr>\n"
    }
    return html + "</table>\n"
}

/// A GitHub-flavoured Markdown pipe table, every cell through ``markdownText(_:)``.
func markdownTable(_ headers: [String], _ rows: [[String]]) -> String {
    var text = "| " + headers.map(markdownText).joined(separator: " | ") + " |\n"
    text += "|" + headers.map { _ in " --- |" }.joined() + "\n"
    for row in rows { text += "| " + row.map(markdownText).joined(separator: " | ") + " |\n" }
    return text
}

