internal import CLibXML2

/// libxml2 interns element names and namespace URIs in its dictionary, so a
/// pointer stands for a name: one String is made per pointer, not per element.
final class InternedNames {
    private var strings: [UnsafeRawPointer: String] = [:]

    func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = strings[key] { return known }
        let string = String(cString: pointer)
        strings[key] = string
        return string
    }
}
