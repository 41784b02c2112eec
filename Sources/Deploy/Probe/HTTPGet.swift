#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A plain HTTP/1.1 GET over a socket, with one deadline for connecting, sending
/// and reading. Enough for probing a load balancer; no TLS.
struct HTTPGet {
  /// Why a request got no answer.
  enum Failure: Error, Hashable {
    case badURL(String)
    case resolve(String)
    case connect(String)
    case timeout
    case malformedResponse
  }

  struct Response {
    var status: Int
    var body: String
  }

  struct Target {
    var host: String
    var port: UInt16
    var path: String
  }

  /// `http://host[:port][/path]`.
  static func target(from url: String) throws(Failure) -> Target {
    guard url.hasPrefix("http://") else { throw .badURL(url) }
    let rest = url.dropFirst("http://".count)
    let authority = rest.prefix(while: { $0 != "/" })
    let path = rest.dropFirst(authority.count)
    var host = String(authority)
    var port: UInt16 = 80
    if let colon = authority.lastIndex(of: ":") {
      guard let number = UInt16(authority[authority.index(after: colon)...]) else { throw .badURL(url) }
      host = String(authority[..<colon])
      port = number
    }
    guard !host.isEmpty else { throw .badURL(url) }
    return Target(host: host, port: port, path: path.isEmpty ? "/" : String(path))
  }

  static func get(_ target: Target, timeoutSeconds: Double) throws(Failure) -> Response {
    let deadline = WallClock.now() + timeoutSeconds
    func remainingMilliseconds() -> Int32 { Int32(max(0, (deadline - WallClock.now()) * 1000)) }

    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var addresses: UnsafeMutablePointer<addrinfo>?
    let resolved = getaddrinfo(target.host, String(target.port), &hints, &addresses)
    guard resolved == 0, let first = addresses else { throw .resolve(String(cString: gai_strerror(resolved))) }
    defer { freeaddrinfo(addresses) }

    var descriptor: Int32 = -1
    var lastError = "no address"
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let address = candidate, descriptor < 0 {
      candidate = address.pointee.ai_next
      let socketDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
      guard socketDescriptor >= 0 else { continue }
      _ = fcntl(socketDescriptor, F_SETFL, fcntl(socketDescriptor, F_GETFL) | O_NONBLOCK)
      if connect(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
        guard errno == EINPROGRESS else {
          lastError = String(cString: strerror(errno))
          close(socketDescriptor)
          continue
        }
        var waiting = pollfd(fd: socketDescriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&waiting, 1, remainingMilliseconds()) > 0 else {
          close(socketDescriptor)
          throw .timeout
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(socketDescriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
        guard socketError == 0 else {
          lastError = String(cString: strerror(socketError))
          close(socketDescriptor)
          continue
        }
      }
      descriptor = socketDescriptor
    }
    guard descriptor >= 0 else { throw .connect(lastError) }
    defer { close(descriptor) }

    let request = Array(
      "GET \(target.path) HTTP/1.1\r\nHost: \(target.host)\r\nUser-Agent: gen-probe\r\nConnection: close\r\n\r\n".utf8)
    var offset = 0
    while offset < request.count {
      var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
      guard poll(&waiting, 1, remainingMilliseconds()) > 0 else { throw .timeout }
      let sent = request[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard sent > 0 else { throw .connect(String(cString: strerror(errno))) }
      offset += sent
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&waiting, 1, remainingMilliseconds()) > 0 else { throw .timeout }
      let count = recv(descriptor, &chunk, chunk.count, 0)
      if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
      guard count > 0 else { break }
      bytes += chunk[0..<count]
      if bytes.count > 1 << 20 { break }
    }
    return try parse(bytes)
  }

  /// The status and body of a response (chunked transfer decoded).
  static func parse(_ bytes: [UInt8]) throws(Failure) -> Response {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    guard let split = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
      throw .malformedResponse
    }
    let head = String(decoding: bytes[..<split], as: UTF8.self)
    let statusLine = head.split(separator: "\r\n").first ?? ""
    let parts = statusLine.split(separator: " ")
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else { throw .malformedResponse }
    var body = Array(bytes[(split + separator.count)...])
    if head.lowercased().contains("transfer-encoding: chunked") {
      var decoded: [UInt8] = []
      var index = 0
      while let lineEnd = body[index...].firstIndex(of: UInt8(ascii: "\r")) {
        let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
        guard let size = Int(sizeText.trimmingWhitespace(), radix: 16) else { throw .malformedResponse }
        if size == 0 { break }
        let start = lineEnd + 2
        guard start + size <= body.count else { throw .malformedResponse }
        decoded += body[start..<start + size]
        index = start + size + 2
        if index >= body.count { break }
      }
      body = decoded
    }
    return Response(status: status, body: String(decoding: body, as: UTF8.self))
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
