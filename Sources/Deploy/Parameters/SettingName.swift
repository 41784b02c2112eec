/// The environment variable and option names of a template parameter, derived
/// from its logical ID: `ImageURIStable` is `IMAGE_URI_STABLE` and `--image-uri-stable`.
public enum SettingName {
  /// `ImageURIStable` → `IMAGE_URI_STABLE`, `TaskCpu` → `TASK_CPU`.
  public static func environmentVariable(for logicalID: String) -> String {
    words(of: logicalID).map { $0.uppercased() }.joined(separator: "_")
  }

  /// `ImageURIStable` → `image-uri-stable`.
  public static func option(for logicalID: String) -> String {
    words(of: logicalID).map { $0.lowercased() }.joined(separator: "-")
  }

  /// Splits at a lower-to-upper change and before the last capital of an acronym.
  static func words(of name: String) -> [String] {
    let characters = Array(name)
    var words: [String] = []
    var current = ""
    for (index, character) in characters.enumerated() {
      if index > 0, character.isUppercase {
        let previous = characters[index - 1]
        let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
          words.append(current)
          current = ""
        }
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
