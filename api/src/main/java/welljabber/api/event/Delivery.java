package welljabber.api.event;

/** Which thread a subscriber is called on. */
public enum Delivery {
    /** On the JavaFX application thread: for subscribers that touch the scene graph. */
    FX_THREAD,
    /**
     * On a background thread, in publication order for that subscriber and never two events at once
     * for the same subscriber: for storage, network and other slow work.
     */
    BACKGROUND
}
