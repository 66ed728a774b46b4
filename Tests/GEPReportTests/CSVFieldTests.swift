@testable import GEPReport
import Testing

@Suite("CSV fields appended as bytes")
struct CSVFieldTests {
    /// The byte path writes what `csvEscape` writes: plain text, commas (quoted), quotes (doubled), line breaks,
    /// formula starts (apostrophe), numbers (as they are), empty text and CJK.
    @Test(arguments: ["plain", "target 9015.26, allocated 9016.28", "say \"hi\", twice", "two\nlines", "=1+2", "+cmd", "-1.5",
                      "@sum, x", "", "根河市, 满归镇", "\r", "a\"b", "comma, then \"quote\"", "trailing,", "\n"])
    func sameAsEscape(text: String) {
        var bytes: [UInt8] = []
        bytes.appendCSVField(text)
        #expect(bytes == Array(csvEscape(text).utf8))
    }
}
