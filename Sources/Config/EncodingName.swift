import Glibc

/// Names of character encodings as iconv knows them (`windows-1251`, `KOI8-R`).
enum EncodingName {
    /// The encodings this region's feeds use, offered as did-you-mean suggestions.
    /// (There is no ISO-8859-12: the part was abandoned.)
    static let common: [String] = ["UTF-8", "windows-1251", "KOI8-R", "ARMSCII-8"]
        + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16].map { "ISO-8859-\($0)" }
        + ["UTF-16", "GEORGIAN-PS", "GEORGIAN-ACADEMY"]

    /// True when iconv can convert from `name` to UTF-8. Only plain names are
    /// asked: iconv would also take `//TRANSLIT`-style suffixes, which are no encoding.
    static func isKnown(_ name: String) -> Bool {
        guard !name.isEmpty,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else {
            return false
        }
        guard let handle = iconv_open("UTF-8", name), Int(bitPattern: handle) != -1 else { return false }
        iconv_close(handle)
        return true
    }
}
