import SystemSupport

/// Writes generated files so that a failure leaves nothing half-written.
package enum FileWriter {
  /// Makes `directory` hold exactly `files` among its `.swift` files (see
  /// SystemSupport's `replaceSwiftFiles(in:with:)`): unchanged files keep their
  /// modification times, so a build does not compile them again.
  package static func replaceDirectory(_ directory: String, with files: [(name: String, contents: String)]) throws {
    do {
      try replaceSwiftFiles(in: directory, with: files)
    } catch {
      throw CodegenError.io(error.description)
    }
  }

  /// Writes `contents` to `path` so that no reader sees half a file.
  package static func writeAtomically(_ path: String, _ contents: String) throws {
    do {
      try writeFileAtomically(path, Array(contents.utf8))
    } catch {
      throw CodegenError.io(error.description)
    }
  }

  package static func makeDirectories(_ path: String) throws {
    do {
      try SystemSupport.makeDirectories(path)
    } catch {
      throw CodegenError.io(error.description)
    }
  }

  package static func listDirectory(_ path: String) throws -> [String] {
    do {
      return try SystemSupport.listDirectory(path)
    } catch {
      throw CodegenError.io(error.description)
    }
  }
}
