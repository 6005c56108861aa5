import ActorGraphCore
import ActorGraphFormats
import Foundation

/// The interactive page: one self-contained HTML file holding the drawing (inline SVG), the
/// graph as JSON, and the style sheet and script that make it interactive. Nothing is loaded
/// from anywhere: the page's Content-Security-Policy forbids it (`connect-src 'none'` for a
/// report, `'self'` for `serve`, whose page asks the server).
public enum ReportPage {
    /// The page for `data` with `svg` (an `<svg>` element, from ``ReportDrawing/svg(of:request:)``).
    public static func html(data: ReportData, svg: String) throws -> String {
        let json = scriptSafeJSON(try data.json())
        // Substitute in one pass, so text from one part is never read as a placeholder.
        let values = [
            "{{CONNECT}}": data.live ? "'self'" : "'none'",
            "{{TITLE}}": htmlEscaped(data.title ?? "Actor graph"),
            "{{CSS}}": PageAssets.css,
            "{{SVG}}": svg,
            "{{DATA}}": json,
            "{{JS}}": PageAssets.js,
        ]
        var out = ""
        out.reserveCapacity(PageAssets.html.utf8.count + json.utf8.count + svg.utf8.count + PageAssets.js.utf8.count + 4096)
        var rest = Substring(PageAssets.html)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { rest = rest[open.lowerBound...]; break }
            let key = String(rest[open.lowerBound..<close.upperBound])
            out += values[key] ?? key
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The report of a graph: its drawing (the whole graph, or `request`'s part) and its data.
    public static func report(of graph: ActorGraph, request: DrawingRequest = DrawingRequest()) throws
        -> (html: String, shown: ActorGraph, warnings: [String]) {
        let drawn = try ReportDrawing.svg(of: graph, request: request)
        let html = try html(data: ReportData(graph: drawn.shown), svg: drawn.svg)
        return (html, drawn.shown, drawn.warnings)
    }
}
