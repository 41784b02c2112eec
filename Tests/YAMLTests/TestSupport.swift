import SystemSupport
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Emits `node` through `YAMLEmitter.write(_:toFileDescriptor:)` into a temporary
/// file and reads the bytes back.
func bytesWrittenToPipe(_ node: YAMLNode, options: YAMLEmitter.Options = .init()) throws -> [UInt8] {
  var template = Array("/tmp/yaml-emit-XXXXXX".utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  precondition(descriptor >= 0, "mkstemp failed")
  let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  defer {
    close(descriptor)
    unlink(path)
  }
  try YAMLEmitter(options: options).write(node, toFileDescriptor: descriptor)
  lseek(descriptor, 0, SEEK_SET)
  var result: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
    if count <= 0 { break }
    result.append(contentsOf: buffer[0..<count])
  }
  return result
}

/// Emits `node` as a string, for exact-output assertions.
func yaml(_ node: YAMLNode, header: String? = nil) throws -> String {
  try YAMLEmitter(options: .init(headerComment: header)).string(from: node)
}

/// A tagged string scalar node: `tagged("!Ref", "VPC")` is `!Ref VPC`.
func tagged(_ tag: String, _ value: String) -> YAMLNode {
  .scalar(.string(value, tag: tag))
}

/// A flow sequence with a tag: `!Select [0, !GetAZs ""]`.
func taggedList(_ tag: String, _ items: [YAMLNode], style: YAMLSequence.Style = .flow) -> YAMLNode {
  .sequence(YAMLSequence(items, style: style, tag: tag))
}

/// The data PyYAML's pure-Python safe loader (an independent YAML 1.1 reader)
/// reads from `yaml`, as compact JSON: `{"Key":"value"}`.
func readByPyYAML(_ yaml: String) throws -> String {
  let script = """
    import json, sys, yaml
    data = yaml.load(sys.stdin.buffer, Loader=yaml.SafeLoader)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    """
  let result = try runProcess(["python3", "-c", script], input: Array(yaml.utf8))
  guard result.status == 0 else { return "PyYAML failed: \(result.errorText)" }
  return result.outputText
}
