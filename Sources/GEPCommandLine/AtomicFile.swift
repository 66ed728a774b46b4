import Foundation
import GEPReport

/// Writes `text`'s pieces, one after another, to `path` atomically: into a new temporary file beside it, then
/// renamed over it, so that a failed run leaves no partial report (as `String.write(toFile:atomically:)` does). The
/// pieces are written from their own storage: a report of 10⁵ units is tens of megabytes, and joining it with its
/// metadata and converting it to `Data` copied it twice.
///
/// - Throws: ``CLIError`` naming `path` and the failing call.
func writeAtomically(_ text: ReportText, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw fileError(path, "cannot create a temporary file beside it") }
    let temporary = String(cString: template)
    do {
        defer { close(descriptor) }
        guard writeAll(text, to: descriptor) else { throw fileError(path, "cannot write") }
        // mkstemp makes the file readable by its owner only; a report is as readable as any file the user writes.
        let mask = umask(0)
        umask(mask)
        guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw fileError(path, "cannot set the file's permissions") }
    } catch {
        unlink(temporary)
        throw error
    }
    guard rename(temporary, path) == 0 else {
        let error = fileError(path, "cannot move the written file into place")
        unlink(temporary)
        throw error
    }
}

/// Writes every byte of `text` to `descriptor`, piece by piece, resuming short writes; false when a write fails.
func writeAll(_ text: ReportText, to descriptor: Int32) -> Bool {
    var failed = false
    text.forEachUTF8 { bytes in
        var offset = 0
        while !failed, offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 { offset += written } else { failed = true }
        }
    }
    return !failed
}

private func fileError(_ path: String, _ what: String) -> CLIError {
    CLIError(description: "\(path): cannot write the report: \(what) (\(String(cString: strerror(errno))))")
}
