import GEPCore
import Testing

@Suite("gep: version, services, errors")
struct ServicesCommandTests {
    @Test func printsVersion() throws {
        let run = try runGEP(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "gep \(GEPKit.version)\n")
    }

    @Test func unknownServiceGoesToStandardErrorWithNonZeroExit() throws {
        let run = try runGEP(["services", "show", "no-such-service"])
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("unknown service \"no-such-service\""))
    }

    @Test func unknownSubcommandFails() throws {
        let run = try runGEP(["frobnicate"])
        #expect(run.status != 0)
        #expect(!run.standardError.isEmpty)
    }
}
