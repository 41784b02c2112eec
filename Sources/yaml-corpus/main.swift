// Writes the round-trip corpus for the independent PyYAML and ruamel.yaml cross-checks:
// for each case a YAML file emitted by this package and, beside it, the data the
// generating tree means, as JSON written by this package's JSON writer.
//
//   swift run yaml-corpus DIRECTORY [COUNT] [SEED]
import YAML
import YAMLCorpus

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandleError.print("usage: yaml-corpus DIRECTORY [COUNT] [SEED]")
  exit(2)
}
let directory = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 2026 : 2026

enum FileHandleError {
  static func print(_ message: String) {
    var line = Array((message + "\n").utf8)
    _ = write(2, &line, line.count)
  }
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { throw YAMLError.writeFailed(errno: errno, message: "cannot open \(path)") }
  defer { close(descriptor) }
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
    guard written > 0 else { throw YAMLError.writeFailed(errno: errno, message: "cannot write \(path)") }
    offset += written
  }
}

mkdir(directory, 0o755)
var generator = RandomTreeGenerator(seed: seed, includesNonFiniteFloats: false)
let emitter = YAMLEmitter()
let json = JSONWriter(indentation: nil)
do {
  for index in 0..<count {
    let tree = generator.tree()
    let name = "\(directory)/case-\(String(index + 100_000).dropFirst())"
    try writeFile(name + ".yaml", try emitter.bytes(from: tree))
    try writeFile(name + ".json", try json.bytes(from: tree))
  }
} catch {
  FileHandleError.print("yaml-corpus: \(error)")
  exit(1)
}
print("wrote \(count) cases to \(directory) (seed \(seed))")
