package welljabber.app.shell;

import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.ZoneId;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.jxmpp.jid.EntityBareJid;

import welljabber.app.i18n.Messages;
import welljabber.app.tls.Fingerprint;
import welljabber.app.tls.TrustDecision;
import welljabber.app.tls.UntrustedCertificateException;

/**
 * Shown when a server's certificate is not trusted by the system: who it claims to be, who signed
 * it, how long it is valid, and its SHA-256 fingerprint to compare with what the server's admin
 * publishes. Cancel is the default button.
 */
final class TrustDialog {
    private TrustDialog() {
    }

    static TrustDecision ask(Window owner, Messages messages, EntityBareJid account, UntrustedCertificateException problem) {
        X509Certificate leaf = problem.leaf();
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(messages.get("trust.title"));
        alert.setHeaderText(messages.format("trust.header", account.getDomain().toString()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        facts.addRow(0, new Label(messages.get("trust.subject")), selectable(leaf.getSubjectX500Principal().getName()));
        facts.addRow(1, new Label(messages.get("trust.issuer")), selectable(leaf.getIssuerX500Principal().getName()));
        facts.addRow(2, new Label(messages.get("trust.validity")), new Label(
                dates.format(leaf.getNotBefore().toInstant()) + " – " + dates.format(leaf.getNotAfter().toInstant())));
        Label fingerprint = selectable(Fingerprint.sha256(leaf));
        fingerprint.setId("trustFingerprint");
        facts.addRow(3, new Label(messages.get("trust.fingerprint")), fingerprint);
        Label why = new Label(messages.get(selfSigned(leaf) ? "trust.reason.selfSigned" : "trust.reason.unknownIssuer"));
        why.setWrapText(true);
        Label advice = new Label(messages.get("trust.advice"));
        advice.setWrapText(true);
        VBox content = new VBox(10, why, facts, advice);
        content.setPadding(new Insets(4));
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("trustDialog");
        ButtonType once = new ButtonType(messages.get("trust.once"), ButtonBar.ButtonData.OTHER);
        ButtonType always = new ButtonType(messages.get("trust.always"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(once, always, cancel);
        alert.getDialogPane().lookupButton(once).setId("trustOnce");
        alert.getDialogPane().lookupButton(always).setId("trustAlways");
        alert.getDialogPane().lookupButton(cancel).setId("trustCancel");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(once)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return TrustDecision.CANCEL;
        }
        return answer.get() == always ? TrustDecision.ALWAYS : TrustDecision.ONCE;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static Label selectable(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }

}
