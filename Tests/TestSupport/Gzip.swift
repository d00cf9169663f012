import Foundation

/// A small gzip encoder (RFC 1952 around one fixed-Huffman DEFLATE block) so
/// tests and the loopback server can compress bodies without zlib, which no
/// target here may link directly.
///
/// It only finds runs of one repeated byte (LZ77 matches at distance 1): that
/// is enough for real compression of padding and "gzip bombs" (50 MB of zeros
/// come out at about 300 KB), while text stays near its original size. Any
/// gzip decoder, libcurl's included, reads the result.
public enum Gzip {
    public static func compress(_ data: Data) -> Data {
        var bits = BitWriter()
        bits.write(0b1, count: 1)   // BFINAL: the only block
        bits.write(0b01, count: 2)  // BTYPE 01: fixed Huffman codes
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                writeLiteral(Int(byte), to: &bits)
                index += 1
                // Further copies of the same byte become matches at distance 1.
                var run = 0
                while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
                index += run
                while run >= 3 {
                    let length = min(run, 258)
                    writeMatch(length: length, to: &bits)
                    run -= length
                }
                for _ in 0..<run { writeLiteral(Int(byte), to: &bits) }
            }
        }
        writeLiteral(256, to: &bits)  // end of block
        var out = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])  // magic, deflate, no flags/mtime, unknown OS
        out.append(contentsOf: bits.finish())
        appendLittleEndian(CRC32.checksum(data), to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &out)
        return out
    }

    private static func appendLittleEndian(_ value: UInt32, to data: inout Data) {
        for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// Literal/length symbols 0...287 with the fixed code of RFC 1951 3.2.6.
    private static func writeLiteral(_ symbol: Int, to bits: inout BitWriter) {
        switch symbol {
        case 0...143: bits.writeHuffman(0x30 + symbol, count: 8)
        case 144...255: bits.writeHuffman(0x190 + symbol - 144, count: 9)
        case 256...279: bits.writeHuffman(symbol - 256, count: 7)
        default: bits.writeHuffman(0xc0 + symbol - 280, count: 8)
        }
    }

    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                          3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// A match of `length` (3...258) at distance 1.
    private static func writeMatch(length: Int, to bits: inout BitWriter) {
        var code = lengthBases.count - 1
        while lengthBases[code] > length { code -= 1 }
        writeLiteral(257 + code, to: &bits)
        bits.write(UInt32(length - lengthBases[code]), count: lengthExtraBits[code])
        bits.writeHuffman(0, count: 5)  // distance code 0 = distance 1, no extra bits
    }
}

/// DEFLATE's bit order: data fields least significant bit first, Huffman
/// codes most significant bit first.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var used = 0

    mutating func write(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        buffer |= (value & ((1 << UInt32(count)) - 1)) << UInt32(used)
        used += count
        while used >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            used -= 8
        }
    }

    mutating func writeHuffman(_ code: Int, count: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<count { reversed |= UInt32((code >> bit) & 1) << UInt32(count - 1 - bit) }
        write(reversed, count: count)
    }

    mutating func finish() -> [UInt8] {
        if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        used = 0
        return bytes
    }
}

/// CRC-32 (IEEE 802.3, reflected), as gzip's trailer needs.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        table.withUnsafeBufferPointer { table in
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                for byte in raw { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xffff_ffff
    }
}
