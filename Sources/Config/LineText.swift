/// A piece of one feeds.conf line. It is a slice of the line's characters, so
/// every index is the character's 0-based column in the original line, and
/// trimming or splitting never loses where a piece came from.
typealias LineText = ArraySlice<Character>
