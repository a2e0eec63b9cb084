import Testing
@testable import AccidentML

@Suite struct ReportTextTests {
    @Test func escapingCoversTheFiveXMLCharacters() {
        #expect(Markup.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(Markup.escape("Réunion · 12 %") == "Réunion · 12 %")
        let node = SVGNode("text", [("x", "1\" onload=\"x")], text: "<b>")
        #expect(node.markup == "<text x=\"1&quot; onload=&quot;x\">&lt;b&gt;</text>")
        #expect(SVGNode("g", [("class", "empty")]).markup == "<g class=\"empty\"/>")
    }

    @Test func numbersArePrintedLocaleFreeAndCompact() {
        #expect(SVGNumber.text(12.5) == "12.5" && SVGNumber.text(3) == "3" && SVGNumber.text(-0.004) == "0")
        #expect(SVGNumber.text(1.005) == "1" || SVGNumber.text(1.005) == "1.01")
        #expect(SVGNumber.text(-0.25) == "-0.25")
        #expect(SVGNumber.grouped(38_288) == "38,288" && SVGNumber.grouped(999) == "999" && SVGNumber.grouped(-1_234_567) == "-1,234,567")
        #expect(SVGNumber.percent(0.1234) == "12.3 %" && SVGNumber.percent(.nan) == "–")
        #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(SVGNumber.compact(0.0654) == "0.0654" && SVGNumber.compact(0.5679123) == "0.5679" && SVGNumber.compact(2021) == "2021")
        #expect(SVGNumber.compact(89_204.25) == "89204" && SVGNumber.compact(2e13) == "2e+13" && SVGNumber.compact(.infinity) == "–")
        #expect(SVGNumber.compact(0.00001234) == "1.23e-05" && SVGNumber.compact(-12.345678) == "-12.35")
        #expect(SVGNumber.signed(-19.44, decimals: 1) == "−19.4" && SVGNumber.signed(8.4, decimals: 1) == "+8.4")
        #expect(SVGNumber.signed(-0.01, decimals: 1) == "0.0")
    }

    @Test func colorRampInterpolatesAndClamps() {
        let ramp = ColorRamp(hex: ["#000000", "#ffffff"])
        #expect(ramp.color(0) == "#000000" && ramp.color(1) == "#ffffff" && ramp.color(0.5) == "#808080")
        #expect(ramp.color(-3) == "#000000" && ramp.color(7) == "#ffffff" && ramp.color(.nan) == "#000000")
        #expect(ramp.needsLightText(0.1) && !ramp.needsLightText(0.9))
    }

    @Test func areaRadiusIsProportionalToTheSquareRoot() {
        #expect(SVGMarks.areaRadius(100, largest: 100, maxRadius: 16) == 16)
        #expect(abs(SVGMarks.areaRadius(25, largest: 100, maxRadius: 16) - 8) < 1e-12)
        #expect(SVGMarks.areaRadius(0, largest: 100, maxRadius: 16, minRadius: 2) == 2)
        #expect(RiskMapChart.roundedDown(983) == 900 && RiskMapChart.roundedDown(7) == 7 && RiskMapChart.roundedDown(0) == 0)
    }
}
