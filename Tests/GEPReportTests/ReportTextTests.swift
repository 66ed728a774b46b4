import Foundation
import GEPCore
@testable import GEPReport
import Testing

@Suite("Reports made in pieces")
struct ReportTextTests {
    /// The pieces, strings and bytes alike, read in order as one text.
    @Test func piecesReadInOrder() {
        let text = ReportText(pieces: [.string("a,"), .deferred { Array("根河\r\n".utf8) }, .string(""), .deferred { [] }, .string("z")])
        #expect(text.string == "a,根河\r\nz")
        var bytes: [UInt8] = []
        text.forEachUTF8 { bytes += $0 }
        #expect(bytes == Array("a,根河\r\nz".utf8))
        #expect(ReportText("whole").string == "whole" && ReportText(pieces: []).string == "")
    }

    /// Pieces made while the text is written come in their place, however long each takes to make.
    @Test func deferredPiecesKeepTheirPlace() {
        let pieces = (0..<12).map { k -> ReportText.Piece in
            k % 3 == 0 ? .string("s\(k);") : .deferred {
                usleep(useconds_t((12 - k) * 2_000))  // the later pieces are made sooner
                return Array("d\(k);".utf8)
            }
        }
        let expected = (0..<12).map { $0 % 3 == 0 ? "s\($0);" : "d\($0);" }.joined()
        for _ in 0..<3 { #expect(ReportText(pieces: pieces).string == expected) }
    }

    /// An account's CSV comes as its header, its unit rows and its totals, which together are the rendered text; the
    /// run's `#` lines go before them, as they go before the whole text.
    @Test func aCSVInPiecesIsTheCSV() throws {
        let report = AccountJSONTests.report(optionals: true)
        let pieces = try report.renderText(.csv)
        #expect(pieces.pieces.count >= 3)
        let whole = try report.render(.csv)
        #expect(pieces.string == whole)
        #expect(whole.hasPrefix("level,unit,name,local_name,area_km2,service,category,method,in_total,physical_amount,physical_unit,value_yuan,price_year\r\n"))
        let run = RunMetadata(tool: "gep 0.1.0", generated: "2026-12-08T00:00:00Z", command: "gep account m.yaml", inputs: [.init(path: "m.yaml", sha256: "ab")])
        #expect(try run.decorated(pieces, format: .csv).string == run.decorate(whole, format: .csv))
        #expect(try run.decorated(pieces, format: .csv).string.hasPrefix("# tool: gep 0.1.0\r\n"))
        let json = try report.renderText(.json)
        #expect(try run.decorated(json, format: .json).string == run.decorate(json.string, format: .json))
    }
}
