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
