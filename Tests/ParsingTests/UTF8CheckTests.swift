import Testing
@testable import Parsing

/// CollapsingWriter makes its Strings without Swift's UTF-8 check when its own
/// check passes: whatever the bytes, the String must be what
/// `String(decoding:as:)` makes of them (ill-formed bytes repaired the same way).
@Suite struct UTF8CheckTests {
    private static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { CollapsingWriter.string($0) }
    }

    private static func check(_ bytes: [UInt8]) -> CollapsingWriter.UTF8Check {
        bytes.withUnsafeBufferPointer { CollapsingWriter.check($0) }
    }

    /// Sequences at the edges of table 3-7 of the Unicode Standard.
    private static let wellFormed: [[UInt8]] = [
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
        [0xED, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
    ]
    private static let illFormed: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xC2, 0xC0],
        [0xE0, 0x9F, 0xBF], [0xE0, 0xA0], [0xE1, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80], [0xF1, 0x80, 0x41, 0x80], [0xF1, 0x80, 0x80, 0xC0],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
    ]

    @Test func edgesOfWellFormedAtEveryOffset() {
        for sequence in Self.wellFormed + Self.illFormed {
            for offset in 0..<34 {
                for tail in [0, 1, 9, 17] {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + sequence
                        + Array(repeating: UInt8(ascii: "b"), count: tail)
                    let expected = String(decoding: bytes, as: UTF8.self)
                    let made = Self.string(bytes)
                    #expect(made == expected, "\(bytes)")
                    #expect(Array(made.utf8) == Array(expected.utf8), "\(bytes)")
                }
            }
        }
        for sequence in Self.wellFormed where sequence != [0x7F] { #expect(Self.check(sequence) == .wellFormed, "\(sequence)") }
        for sequence in Self.illFormed { #expect(Self.check(sequence) == .illFormed, "\(sequence)") }
    }

    @Test func asciiIsToldApart() {
        #expect(Self.check([]) == .ascii)
        for length in 0..<40 {
            let ascii = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 % 128) }
            #expect(Self.check(ascii) == .ascii)
            #expect(Self.check(ascii + [0xC3, 0xA9]) == .wellFormed)
            #expect(Self.check([0xC3, 0xA9] + ascii) == .wellFormed)
            #expect(Self.string(ascii) == String(decoding: ascii, as: UTF8.self))
        }
    }

    /// Random bytes, mostly from the ranges where well- and ill-formed meet.
    @Test func randomBytesMatchSwiftsRepair() {
        var state: UInt64 = 17
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pool: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                             0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20000 {
            let bytes = (0..<Int(next() % 24)).map { _ in pool[Int(next() % UInt64(pool.count))] }
            let made = Self.string(bytes)
            #expect(Array(made.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
        }
    }
}
