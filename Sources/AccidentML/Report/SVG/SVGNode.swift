/// An SVG element with attributes, optional text and children. Written out recursively, so every
/// element is closed by construction, and every attribute value and text escaped in one place.
struct SVGNode {
    var name: String
    var attributes: [(String, String)]
    var text: String?
    var children: [SVGNode]

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGNode] = []) {
        self.name = name; self.attributes = attributes; self.text = text; self.children = children
    }

    /// Appends the element's markup.
    func write(into out: inout String) {
        out += "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(Markup.escape(value))\"" }
        guard text != nil || !children.isEmpty else { out += "/>"; return }
        out += ">"
        if let text { out += Markup.escape(text) }
        for child in children { child.write(into: &out) }
        out += "</\(name)>"
    }

    /// The element's markup.
    var markup: String {
        var out = ""
        write(into: &out)
        return out
    }
}

extension SVGNode {
    /// A root `<svg>` scaled to its container's width, with an accessible label.
    static func document(id: String, width: Double, height: Double, label: String, children: [SVGNode]) -> SVGNode {
        SVGNode("svg", [("id", id), ("xmlns", "http://www.w3.org/2000/svg"),
                        ("viewBox", "0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))"),
                        ("role", "img"), ("aria-label", label)],
                children: [SVGNode("title", text: label)] + children)
    }

    /// A group with a CSS class.
    static func group(_ cssClass: String, _ children: [SVGNode], extra: [(String, String)] = []) -> SVGNode {
        SVGNode("g", [("class", cssClass)] + extra, children: children)
    }

    /// A text label; `anchor` is `start`, `middle` or `end`.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", cssClass: String = "label",
                      extra: [(String, String)] = []) -> SVGNode {
        SVGNode("text", [("x", SVGNumber.text(x)), ("y", SVGNumber.text(y)), ("text-anchor", anchor), ("class", cssClass)] + extra,
                text: text)
    }

    /// A straight line.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String, extra: [(String, String)] = []) -> SVGNode {
        SVGNode("line", [("x1", SVGNumber.text(x1)), ("y1", SVGNumber.text(y1)),
                         ("x2", SVGNumber.text(x2)), ("y2", SVGNumber.text(y2)), ("class", cssClass)] + extra)
    }

    /// A rectangle, with a tooltip when `tooltip` is given.
    static func rect(x: Double, y: Double, width: Double, height: Double, extra: [(String, String)], tooltip: String? = nil) -> SVGNode {
        SVGNode("rect", [("x", SVGNumber.text(x)), ("y", SVGNumber.text(y)),
                         ("width", SVGNumber.text(max(width, 0))), ("height", SVGNumber.text(max(height, 0)))] + extra,
                children: tooltip.map { [SVGNode("title", text: $0)] } ?? [])
    }

    /// A circle, with a tooltip when `tooltip` is given.
    static func circle(cx: Double, cy: Double, r: Double, extra: [(String, String)], tooltip: String? = nil) -> SVGNode {
        SVGNode("circle", [("cx", SVGNumber.text(cx)), ("cy", SVGNumber.text(cy)), ("r", SVGNumber.text(r))] + extra,
                children: tooltip.map { [SVGNode("title", text: $0)] } ?? [])
    }
}
