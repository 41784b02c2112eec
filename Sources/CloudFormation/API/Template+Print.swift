#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text formats a template is written in.
public enum TemplateFormat: String, CaseIterable, Sendable {
  case yaml
  case json
}

extension Template {
  /// The template as text in `format`, after validation (`header` is for YAML only).
  public func text(_ format: TemplateFormat, header: String? = nil) throws -> String {
    switch format {
    case .yaml: try yaml(header: header)
    case .json: try json()
    }
  }

  /// Prints the template on standard output; when it has errors, lists every one
  /// on standard error and exits with status 1 instead, writing nothing. For the
  /// `main.swift` of a stack of your own, where a top-level `try` would crash
  /// with a backtrace:
  ///
  /// ```swift
  /// let template = Template(description: "Alerts") { … }
  /// template.print(header: "Generated. Do not edit.")   // swift run alerts > alerts.yml
  /// ```
  public func print(_ format: TemplateFormat = .yaml, header: String? = nil) {
    let text: String
    do {
      text = try self.text(format, header: header)
    } catch {
      Self.write("\(error)\n", to: STDERR_FILENO)
      exit(1)
    }
    Self.write(text, to: STDOUT_FILENO)
  }

  /// Writes all of `text`, however the system splits the write.
  private static func write(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
