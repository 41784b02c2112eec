import Testing
import YAML
import YAMLCorpus

/// Property: for random trees covering every quoting and layout case, emitting
/// and parsing back gives the same tree. 10,000 cases per run, in four seeded
/// shards so they run in parallel; a failure names the seed and case to replay.
@Suite("Round trip")
struct RoundTripTests {
  static let casesPerShard = 2_500

  @Test("emit → parse is the identity", arguments: [1 as UInt64, 2, 3, 4])
  func emitThenParse(shard: UInt64) throws {
    var generator = RandomTreeGenerator(seed: 0x5EED_0000 + shard)
    let emitter = YAMLEmitter()
    let parser = YAMLParser()
    for index in 0..<Self.casesPerShard {
      let tree = generator.tree()
      let yaml = try emitter.string(from: tree)
      let parsed: YAMLNode
      do {
        parsed = try parser.parse(yaml)
      } catch {
        Issue.record("shard \(shard) case \(index): our parser rejected our output: \(error)\n\(yaml)")
        return
      }
      if parsed != tree {
        Issue.record("shard \(shard) case \(index) differs after a round trip:\n\(yaml)")
        return
      }
    }
  }

  @Test("the same tree gives the same bytes, to memory and to a file descriptor")
  func deterministic() throws {
    var generator = RandomTreeGenerator(seed: 99)
    for _ in 0..<200 {
      let tree = generator.tree()
      let first = try YAMLEmitter().bytes(from: tree)
      let second = try YAMLEmitter().bytes(from: tree)
      #expect(first == second)
      #expect(try bytesWrittenToPipe(tree) == first)
    }
  }

  @Test("JSON written by the JSON writer parses back to the same data")
  func jsonIsYAML() throws {
    var generator = RandomTreeGenerator(seed: 7, includesNonFiniteFloats: false)
    for _ in 0..<500 {
      let tree = generator.tree()
      // YAML (and so libyaml) allows at most 1024 characters in a key on one line
      // with its value, which is how JSON writes keys.
      guard Self.longestKey(tree) <= 1024 else { continue }
      let json = try JSONWriter(tagHandling: .drop).string(from: tree)
      #expect(try YAMLParser().parse(json) == Self.withoutTags(tree))
    }
  }

  static func longestKey(_ node: YAMLNode) -> Int {
    switch node {
    case .scalar: 0
    case .sequence(let sequence): sequence.items.map(longestKey).max() ?? 0
    case .mapping(let mapping):
      mapping.entries.map { max(($0.key.scalar?.text.utf8.count ?? 0), longestKey($0.value)) }.max() ?? 0
    }
  }

  static func withoutTags(_ node: YAMLNode) -> YAMLNode {
    switch node.withTag(nil) {
    case .scalar(let scalar): return .scalar(scalar)
    case .sequence(var sequence):
      sequence.items = sequence.items.map(withoutTags)
      return .sequence(sequence)
    case .mapping(var mapping):
      mapping.entries = mapping.entries.map {
        YAMLMapping.Entry(key: withoutTags($0.key), value: withoutTags($0.value))
      }
      return .mapping(mapping)
    }
  }

}
