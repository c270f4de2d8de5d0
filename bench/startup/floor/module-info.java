/** The floor of the start-up benchmark: the least a JavaFX window costs on this machine. */
module welljabber.bench.floor {
    requires javafx.controls;

    exports welljabber.bench.floor to javafx.graphics;
}
