/// Facts about the GEPKit package itself.
public enum GEPKit {
    /// The package version, printed by `gep --version`.
    public static let version = "0.1.0"
}
