extension ResourceCatalog {
  /// Parses the generated records: one line per type,
  /// `Type|createOnly|conditionalCreateOnly|readOnly|stateful`, each list
  /// comma-separated and possibly empty, `stateful` `1` or `0`.
  ///
  /// ```
  /// AWS::EC2::VPC|CidrBlock,Ipv4IpamPoolId,Ipv4NetmaskLength|InstanceTenancy|CidrBlockAssociations,VpcId|0
  /// ```
  ///
  /// The records come from `catalog-codegen`, so a malformed line is a bug in
  /// the generator and stops the program.
  static func parseRecords(_ text: String) -> [Entry] {
    var entries: [Entry] = []
    for line in text.utf8.split(separator: newline) {
      let fields = line.split(separator: bar, omittingEmptySubsequences: false)
      precondition(
        fields.count == 5 && (fields[4].elementsEqual(one) || fields[4].elementsEqual(zero)),
        "malformed ResourceCatalog record: \(String(decoding: line, as: UTF8.self))")
      entries.append(
        Entry(
          typeName: String(decoding: fields[0], as: UTF8.self),
          createOnlyProperties: list(fields[1]),
          conditionalCreateOnlyProperties: list(fields[2]),
          readOnlyProperties: list(fields[3]),
          isStateful: fields[4].elementsEqual(one)))
    }
    assert(
      zip(entries, entries.dropFirst()).allSatisfy { $0.typeName.utf8.lexicographicallyPrecedes($1.typeName.utf8) },
      "ResourceCatalog records are not sorted by type name")
    return entries
  }

  /// The comma-separated items of one field.
  private static func list(_ field: Substring.UTF8View) -> [String] {
    field.split(separator: comma).map { String(decoding: $0, as: UTF8.self) }
  }
}

private let newline = UInt8(ascii: "\n")
private let bar = UInt8(ascii: "|")
private let comma = UInt8(ascii: ",")
private let one = [UInt8(ascii: "1")]
private let zero = [UInt8(ascii: "0")]
