import Crypto

/// Generating and hashing secrets: access tokens, sign-in links and the web's session ids and CSRF
/// tokens. A token is "agenda_" followed by 64 hex digits: 32 bytes from the system's cryptographic
/// random source (getrandom on Linux). Only a secret's SHA-256 is stored.
public enum AccessToken {
    static let prefix = "agenda_"

    static func generate() -> String {
        prefix + randomHex()
    }

    /// 256 random bits as 64 lowercase hex digits.
    public static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return hex(bytes)
    }

    /// The SHA-256 of the secret's UTF-8 bytes as 64 lowercase hex digits: what is stored or kept
    /// in memory instead of the secret.
    public static func hash(_ secret: String) -> String {
        hex(Array(SHA256.hash(data: Array(secret.utf8))))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            digits.withUTF8Buffer { digits in
                for (i, byte) in bytes.enumerated() {
                    buffer[2 * i] = digits[Int(byte >> 4)]
                    buffer[2 * i + 1] = digits[Int(byte & 0x0F)]
                }
            }
            return bytes.count * 2
        }
    }
}
