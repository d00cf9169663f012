/// Character references in attribute values, decoded as browsers decode them, so a URL is
/// checked as the browser will read it. Numeric references (with or without `;`) and the named
/// ones that can hide a scheme or a separator are decoded; other named references stay as
/// written (they are then escaped, so the browser reads them literally too: what was checked is
/// what it sees).
enum HTMLReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "bsol": "\\", "lpar": "(", "rpar": ")",
        "period": ".", "comma": ",", "semi": ";", "num": "#", "percnt": "%", "excl": "!", "quest": "?",
        "equals": "=", "plus": "+", "commat": "@", "lowbar": "_", "hyphen": "-", "dash": "-", "ast": "*",
        "verbar": "|", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}", "grave": "`", "dollar": "$",
    ]
    /// Named references browsers also decode without `;` (the legacy ones that matter here).
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp"]

    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&", let (decoded, next) = reference(in: scalars, at: index) else {
                out.append(scalar)
                index += 1
                continue
            }
            out.append(contentsOf: decoded.unicodeScalars)
            index = next
        }
        return String(out)
    }

    /// The reference starting at `start` (an `&`) and the index after it.
    static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var hex = false
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < scalars.count, let digit = hex ? hexValue(scalars[index]) : decimalValue(scalars[index]) {
                // Saturate: an absurd number is the replacement character, as in browsers.
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            let character = value == 0 ? nil : Unicode.Scalar(value)
            return (String(character ?? "\u{FFFD}"), index)
        }
        var name = ""
        while index < scalars.count, index - start <= 32,
              HTMLSanitizer.isASCIILetter(scalars[index]) || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        let key = name.lowercased() == name ? name : name.lowercased()
        if index < scalars.count, scalars[index] == ";", let value = named[key] {
            return (value, index + 1)
        }
        // Without ";", only the legacy names, and only when what follows cannot continue a name.
        if legacy.contains(name), index >= scalars.count || scalars[index] != "=" {
            return (named[name] ?? "", index)
        }
        return nil
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    static func decimalValue(_ scalar: Unicode.Scalar) -> UInt32? {
        ("0"..."9").contains(scalar) ? scalar.value - 48 : nil
    }
}
