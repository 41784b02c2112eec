import SystemSupport

/// The toolchain's `swift format`, run over imported source.
public enum SwiftFormatter {
  /// `source` formatted as if it were the file `path` (so the configuration
  /// swift-format finds for that path applies: the project's `.swift-format`).
  public static func format(_ source: String, asFile path: String) throws -> String {
    let result: ProcessResult
    do {
      result = try runProcess(
        ["swift", "format", "format", "--assume-filename", path, "-"], input: Array(source.utf8))
    } catch {
      throw ImportError("cannot run swift format: \(error); is a Swift toolchain on the PATH?")
    }
    guard result.status == 0 else {
      throw ImportError(
        "swift format refused the imported Swift of \(path) (a bug of gen import; please report it with the template): "
          + result.errorText)
    }
    return result.outputText
  }
}
