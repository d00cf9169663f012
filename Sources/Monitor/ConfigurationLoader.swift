import Config

/// Loads feeds.conf for a command, turning its errors into MonitorError.configuration.
public enum ConfigurationLoader {
    public static func load(path: String) throws(MonitorError) -> Configuration {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            throw .configuration(error.description)
        }
    }
}
