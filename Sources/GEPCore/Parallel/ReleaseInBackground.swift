import Dispatch

/// Lets `value` go on another thread: for the large values a step is done with (a region's run of 10⁵ units, the
/// rows of a table), whose storage is freed one object at a time, tens of milliseconds that the step's thread need
/// not wait for. The caller hands its copy over (`consume`), so that the reference released there is the last.
public func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let retired = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
}
