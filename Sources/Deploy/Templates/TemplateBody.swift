/// A template exactly as it is sent to CloudFormation, and where it came from.
/// Its size is that of these bytes: a template file is sent as it is, comments
/// and all.
public struct TemplateBody: Hashable, Sendable {
  public var text: String
  /// What it is, for messages: a file's path, or "the Swift stack's template".
  public var origin: String

  public init(text: String, origin: String) {
    self.text = text
    self.origin = origin
  }

  /// CloudFormation's limit for a template sent inline (`--template-body`).
  public static let inlineLimit = 51_200
  /// CloudFormation's limit for a template read from S3 (`--template-url`).
  public static let uploadLimit = 1_000_000

  public var byteCount: Int { text.utf8.count }

  /// Whether the template must go through S3.
  public var needsUpload: Bool { byteCount > Self.inlineLimit }

  /// Checks the size against CloudFormation's limits, before any AWS call: over
  /// 1,000,000 bytes is refused; over 51,200 bytes needs `bucket`.
  public func checkSize(bucket: S3Location?) throws {
    guard byteCount <= Self.uploadLimit else {
      throw DeployError(
        "\(origin) is \(byteCount) bytes, over CloudFormation's limit of \(Self.uploadLimit) bytes for any template; "
          + "split it into nested stacks or move large values (policies, scripts) out of it")
    }
    guard !needsUpload || bucket != nil else {
      throw DeployError(
        "\(origin) is \(byteCount) bytes, over CloudFormation's limit of \(Self.inlineLimit) bytes for a template "
          + "sent inline; give an S3 bucket to upload it to with --s3-bucket BUCKET (env S3_BUCKET)")
    }
  }

  /// The S3 key under the location's prefix: the SHA-256 of the content, so
  /// that the same template is the same object and a changed one never
  /// overwrites another.
  public func objectKey(in location: S3Location) -> String {
    let name = SHA256.hexDigest(of: Array(text.utf8)) + ".template"
    guard let prefix = location.prefix else { return name }
    return prefix + "/" + name
  }

  /// The URL CloudFormation reads the uploaded template from (`--template-url`),
  /// for a bucket in `region`.
  ///
  /// ```swift
  /// body.uploadURL(in: try S3Location(bucket: "templates", prefix: "ci"), region: "eu-west-1")
  /// // https://s3.eu-west-1.amazonaws.com/templates/ci/<sha-256>.template
  /// ```
  public func uploadURL(in location: S3Location, region: String) -> String {
    location.url(key: objectKey(in: location), region: region)
  }
}

/// Where a template over the inline limit is uploaded: `--s3-bucket`, `--s3-prefix`.
public struct S3Location: Hashable, Sendable {
  public var bucket: String
  /// A key prefix without leading or trailing `/`, or nil.
  public var prefix: String?

  /// Checks the bucket name (S3's rules) and trims the prefix's slashes.
  public init(bucket: String, prefix: String? = nil) throws {
    let characters = Array(bucket.utf8)
    let allowed = characters.allSatisfy { byte in
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D
    }
    let isEdge = { (byte: UInt8) in (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
    guard (3...63).contains(characters.count), allowed, isEdge(characters.first!), isEdge(characters.last!),
      !bucket.contains("..")
    else {
      throw DeployError(
        "the S3 bucket name \"\(bucket)\" is not valid: 3 to 63 lower-case letters, digits, dots and hyphens, "
          + "starting and ending with a letter or digit (--s3-bucket or S3_BUCKET)")
    }
    self.bucket = bucket
    var trimmed = Substring(prefix ?? "")
    while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    self.prefix = trimmed.isEmpty ? nil : String(trimmed)
  }

  /// The path-style HTTPS URL of `key` in this bucket, in `region` (the bucket's),
  /// as `--template-url` takes it.
  func url(key: String, region: String) -> String {
    let host =
      region == "us-east-1"
      ? "s3.amazonaws.com" : "s3.\(region).amazonaws.com" + (region.hasPrefix("cn-") ? ".cn" : "")
    return "https://\(host)/\(bucket)/"
      + key.split(separator: "/", omittingEmptySubsequences: false)
      .map { Self.percentEncoded(String($0)) }.joined(separator: "/")
  }

  /// RFC 3986 unreserved characters kept, every other byte escaped.
  static func percentEncoded(_ segment: String) -> String {
    var text = ""
    for byte in segment.utf8 {
      let isUnreserved =
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
      if isUnreserved {
        text.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let digits = Array("0123456789ABCDEF")
        text += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
      }
    }
    return text
  }
}
