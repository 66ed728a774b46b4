import GEPReport
import Testing

@Suite("TextTable: aligned terminal tables")
struct TextTableTests {
    @Test func chineseTextCountsDoubleWidth() {
        #expect(displayWidth("水源涵养") == 8)
        #expect(displayWidth("km²") == 3)
        #expect(displayWidth("GEP 总值") == 8)
    }

    /// Column 1 is as wide as "水源涵养" (8 columns); "carbon" (6) gets 2 spaces of padding before the 2-space gap.
    /// Column 2 is right-aligned to the width of "value" (5).
    @Test func alignsMixedScripts() {
        var table = TextTable(headers: ["service", "value"], alignments: [.left, .right])
        table.append(["水源涵养", "12.5"])
        table.append(["carbon", "3"])
        #expect(table.render() == """
            service   value
            ────────  ─────
            水源涵养   12.5
            carbon        3

            """)
    }
}

/// Amounts on one axis share one magnitude: the largest's prefix for all (50 000 t is 5.00 万t, so 300 t is 0.03 万t).
@Test func amountsOnOneAxisShareAMagnitude() {
    #expect(formatAmounts([50_000, 300, 2_000], unit: "t") == ["5.00 万t", "0.03 万t", "0.20 万t"])
    #expect(formatAmounts([3.2e8, 1.5e7], unit: "m³") == ["3.20 亿m³", "0.15 亿m³"])
    #expect(formatAmounts([812, 0.5], unit: "m³") == ["812 m³", "0.5 m³"])
    #expect(formatAmounts([], unit: "t").isEmpty)
}
