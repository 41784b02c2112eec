// Emit benchmark for the YAML layer. Run it through Benchmarks/yaml-emit.sh.
//
//   yaml-emit-benchmark time [RESOURCES] [RUNS]
//     Builds a synthetic template of RESOURCES CloudFormation-like resources
//     (7,000 by default: about 3.5 MB and 300,000 events) and times, alternating
//     in the same process, (a) libyaml alone emitting the event sequence our
//     emitter produces, prepared up front, into memory; (b) the full path, node
//     tree → bytes in memory; (c) the full path straight to /dev/null through a
//     file descriptor; (d) the full path on one thread (no background walk).
//     Prints the medians of wall-clock and of processor time (all threads), and
//     their ratios to (a).
//
//   yaml-emit-benchmark memory fd|memory RESOURCES
//     Builds the tree, then reports how much the process's peak resident memory
//     grows while emitting it to /dev/null (fd) or into a byte array (memory).
import CYAML
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Synthetic template

func syntheticTemplate(resources count: Int) -> YAMLNode {
  var resources = YAMLMapping([], blankLinesBetweenEntries: true)
  for index in 0..<count {
    let name = "Resource\(index)"
    var properties = YAMLMapping()
    properties.append("VpcId", .scalar(.string("VPC", tag: "!Ref")))
    properties.append("CidrBlock", .string("10.\(index % 256).0.0/24"))
    properties.append(
      "AvailabilityZone",
      .sequence(
        YAMLSequence([.integer(index % 2), .scalar(.string("", tag: "!GetAZs"))], style: .flow, tag: "!Select")))
    properties.append(
      "SecurityGroupIngress",
      [
        [
          "Description": "From the ALB", "FromPort": .scalar(.string("ContainerPort", tag: "!Ref")),
          "IpProtocol": "tcp", "SourceSecurityGroupId": .scalar(.string("ALBSecurityGroup", tag: "!Ref")),
          "ToPort": .scalar(.string("ContainerPort", tag: "!Ref")),
        ]
      ])
    properties.append("Tags", [["Key": "Name", "Value": .scalar(.string("${AWS::StackName}-\(name)", tag: "!Sub"))]])
    var resource = YAMLMapping()
    resource.append("Type", "AWS::EC2::SecurityGroup")
    if index > 0 { resource.append("DependsOn", .string("Resource\(index - 1)")) }
    resource.append("Properties", .mapping(properties))
    resources.append(name, .mapping(resource))
  }
  return .mapping(
    YAMLMapping(
      [
        .init(key: "AWSTemplateFormatVersion", value: "2010-09-09"),
        .init(key: "Description", value: "Synthetic template for the emit benchmark"),
        .init(key: "Resources", value: .mapping(resources)),
      ], blankLinesBetweenEntries: true))
}

/// Visits every node and every string's length and does nothing else: the floor
/// for any emitter that reads a tree of this shape (pointer chasing through a
/// tree much larger than the CPU caches).
func walkTree(_ node: YAMLNode) -> Int {
  switch node {
  case .scalar(let scalar):
    if case .string(let text) = scalar.value { return text.utf8.count &+ 1 }
    return 1
  case .sequence(let sequence):
    var total = 1
    for item in sequence.items { total &+= walkTree(item) }
    return total
  case .mapping(let mapping):
    var total = 1
    for entry in mapping.entries { total &+= walkTree(entry.key) &+ walkTree(entry.value) }
    return total
  }
}

// MARK: - libyaml alone

final class ByteCollector {
  var bytes: [UInt8] = []
}

func emitWithLibYAMLAlone(_ events: inout [yaml_event_t]) -> Int {
  let collector = ByteCollector()
  var emitter = yaml_emitter_t()
  yaml_emitter_initialize(&emitter)
  defer { yaml_emitter_delete(&emitter) }
  yaml_emitter_set_unicode(&emitter, 1)
  yaml_emitter_set_indent(&emitter, 2)
  yaml_emitter_set_width(&emitter, -1)
  yaml_emitter_set_break(&emitter, YAML_LN_BREAK)
  yaml_emitter_set_output(
    &emitter,
    { context, buffer, size in
      Unmanaged<ByteCollector>.fromOpaque(context!).takeUnretainedValue().bytes.append(
        contentsOf: UnsafeBufferPointer(start: buffer, count: size))
      return 1
    }, Unmanaged.passUnretained(collector).toOpaque())
  for index in events.indices {
    guard yaml_emitter_emit(&emitter, &events[index]) == 1 else { fatalError("libyaml refused an event") }
  }
  events.removeAll()
  return collector.bytes.count
}

// MARK: - Measurements

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func peakResidentKilobytes() -> Int {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_maxrss
}

/// Processor time of the whole process (every thread), user and system.
func processorSeconds() -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return value(usage.ru_utime) + value(usage.ru_stime)
}

/// Wall-clock and processor time of one run of `body`.
struct Timing {
  var wall: [Double] = []
  var processor: [Double] = []

  mutating func measure(counted: Bool, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    let processorStart = processorSeconds()
    let start = clock.now
    try body()
    let elapsed = seconds(clock.now - start)
    if counted {
      wall.append(elapsed)
      processor.append(processorSeconds() - processorStart)
    }
  }
}

func runTime(resources: Int, runs: Int) throws {
  let tree = syntheticTemplate(resources: resources)
  var eventCount = 0
  var outputBytes = 0
  var libyamlAlone = Timing()
  var fullPath = Timing()
  var fullPathToDescriptor = Timing()
  var fullPathOneThread = Timing()
  var walking = Timing()
  var walkChecksum = 0
  var oneThread = YAMLEmitter.Options()
  oneThread.backgroundWalk = .never
  let devNull = open("/dev/null", O_WRONLY)
  defer { close(devNull) }
  for run in 0...runs {  // run 0 warms up and is not counted
    let counted = run > 0
    walking.measure(counted: counted) { walkChecksum &+= walkTree(tree) }
    var events = try YAMLEmitter.preparedEvents(for: tree)
    eventCount = events.count
    libyamlAlone.measure(counted: counted) { _ = emitWithLibYAMLAlone(&events) }
    try fullPath.measure(counted: counted) { outputBytes = try YAMLEmitter().bytes(from: tree).count }
    try fullPathToDescriptor.measure(counted: counted) {
      try YAMLEmitter().write(tree, toFileDescriptor: devNull)
    }
    try fullPathOneThread.measure(counted: counted) { _ = try YAMLEmitter(options: oneThread).bytes(from: tree) }
  }
  print("document: \(resources) resources, \(eventCount) events, \(outputBytes) bytes; median of \(runs) runs")
  if walkChecksum == 42 { print("") }  // keeps the walk from being optimised away
  let baseline = (wall: median(libyamlAlone.wall), processor: median(libyamlAlone.processor))
  let rows: [(String, Timing)] = [
    ("libyaml alone (prepared events -> memory)", libyamlAlone),
    ("full path (node tree -> memory)", fullPath),
    ("full path (node tree -> /dev/null fd)", fullPathToDescriptor),
    ("full path, one thread (-> memory)", fullPathOneThread),
    ("(tree walk alone, no output)", walking),
  ]
  print("                                              wall time            processor time (all threads)")
  for (label, timing) in rows {
    let padded = label + String(repeating: " ", count: max(0, 44 - label.count))
    let wall = median(timing.wall)
    let processor = median(timing.processor)
    print(
      "  \(padded)\(fixed(wall * 1000, 2)) ms  \(fixed(wall / baseline.wall, 2))x"
        + "     \(fixed(processor * 1000, 1)) ms  \(fixed(processor / baseline.processor, 2))x")
  }
}

/// `value` with `digits` decimals, without Foundation.
func fixed(_ value: Double, _ digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = Int((value * scale).rounded())
  let whole = scaled / Int(scale)
  let fraction = String(scaled % Int(scale))
  return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
}

func runMemory(mode: String, resources: Int) throws {
  let tree = syntheticTemplate(resources: resources)
  let before = peakResidentKilobytes()
  var outputBytes = 0
  switch mode {
  case "fd":
    let devNull = open("/dev/null", O_WRONLY)
    try YAMLEmitter().write(tree, toFileDescriptor: devNull)
    close(devNull)
    outputBytes = try YAMLEmitter().bytes(from: syntheticTemplate(resources: 1)).count  // keep the tree alive
  case "memory":
    outputBytes = try YAMLEmitter().bytes(from: tree).count
  default:
    fatalError("mode is fd or memory")
  }
  let after = peakResidentKilobytes()
  withExtendedLifetime(tree) {}
  print(
    "\(mode) \(resources) resources: peak resident memory +\(after - before) KiB while emitting (output \(mode == "memory" ? "\(outputBytes) bytes" : "to /dev/null"))"
  )
}

let arguments = CommandLine.arguments
do {
  switch arguments.count > 1 ? arguments[1] : "time" {
  case "time":
    try runTime(
      resources: arguments.count > 2 ? Int(arguments[2]) ?? 7000 : 7000,
      runs: arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10)
  case "profile":  // the full path only, for a profiler: profile [RUNS] [one-thread]
    let tree = syntheticTemplate(resources: 7000)
    var options = YAMLEmitter.Options()
    if arguments.count > 3 && arguments[3] == "one-thread" { options.backgroundWalk = .never }
    for _ in 0..<(arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20) {
      _ = try YAMLEmitter(options: options).bytes(from: tree)
    }
  case "memory":
    try runMemory(mode: arguments[2], resources: Int(arguments[3]) ?? 7000)
  default:
    print("usage: yaml-emit-benchmark time [RESOURCES] [RUNS] | memory fd|memory RESOURCES")
    exit(2)
  }
} catch {
  print("benchmark failed: \(error)")
  exit(1)
}
