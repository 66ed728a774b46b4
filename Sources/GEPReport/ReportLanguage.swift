import Foundation

/// The language of a report's words: headings, column names, categories, notes. Numbers, ids and the data formats'
/// keys (CSV columns, JSON fields) stay as they are in both, so that scripts read either.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// Chinese when the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them) is Chinese, else English.
    public static func fromLocale(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ReportLanguage {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

extension ReportLanguage {
    /// `en` in English, `zh` in Chinese: a report's words written side by side where they are used.
    func pick(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}
