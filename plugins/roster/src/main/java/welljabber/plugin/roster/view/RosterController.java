package welljabber.plugin.roster.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.chat.OpenChatRequested;
import welljabber.api.plugin.PluginContext;
import welljabber.api.error.ErrorSentences;
import welljabber.api.i18n.PluginTexts;
import welljabber.api.roster.ContactRenamed;
import welljabber.api.ui.ContactAction;
import welljabber.plugin.roster.model.Contact;
import welljabber.plugin.roster.model.ContactBook;
import welljabber.plugin.roster.model.ContactKey;
import welljabber.plugin.roster.model.ContactRow;
import welljabber.plugin.roster.model.GroupRow;
import welljabber.plugin.roster.model.ResourcePresence;
import welljabber.plugin.roster.model.RosterRow;
import welljabber.plugin.roster.session.ContactOperations;
import welljabber.plugin.roster.session.SubscriptionRequest;

/**
 * What the user does with contacts: the context menu, the dialogs and the answers to requests.
 * Network work goes through {@link ContactOperations}; its results come back on the FX thread, and
 * a failure is shown as the sentence the operation carries.
 */
public final class RosterController {
    private final PluginContext context;
    private final ContactOperations operations;
    private final ContactBook book;
    private final PluginTexts texts;
    private final Map<AccountId, BareJid> ownAddresses;
    private RequestsView requests;

    public RosterController(PluginContext context, ContactOperations operations, ContactBook book, PluginTexts texts,
            Map<AccountId, BareJid> ownAddresses) {
        this.context = context;
        this.operations = operations;
        this.book = book;
        this.texts = texts;
        this.ownAddresses = ownAddresses;
    }

    public void attachRequests(RequestsView requestsView) {
        this.requests = requestsView;
    }

    public void openChat(Contact contact, Optional<String> resource) {
        Jid peer = resource.<Jid>map(contact::resourceJid).orElse(contact.jid());
        context.events().publish(new OpenChatRequested(contact.account(), peer, Optional.empty()));
    }

    public void showAddContact() {
        new AddContactDialog(context, operations, texts, ownAddresses, groupNames()).show(Optional.empty());
    }

    public void showBlocked() {
        new BlockedContactsDialog(context, operations, texts).show();
    }

    public void answer(SubscriptionRequest request, boolean allow, boolean addBack) {
        whenDone(operations.answer(request, allow, addBack), () -> {
            requests.remove(request);
            book.update(new ContactKey(request.account(), request.from()), contact -> contact.withPendingIn(false));
        });
    }

    /** The menu for the selected rows, or none when nothing actionable is selected. */
    public Optional<ContextMenu> menuFor(List<RosterRow> selected) {
        List<Contact> contacts = selected.stream().filter(ContactRow.class::isInstance)
                .map(row -> ((ContactRow) row).contact()).distinct().toList();
        if (contacts.isEmpty()) {
            return selected.stream().filter(GroupRow.class::isInstance).findFirst()
                    .map(row -> groupMenu((GroupRow) row));
        }
        ContextMenu menu = new ContextMenu();
        menu.setId("contactMenu");
        if (contacts.size() == 1) {
            singleContactItems(menu, contacts.get(0), selected);
        }
        menu.getItems().addAll(item("menuMoveGroup", "menu.moveToGroup", () -> changeGroups(contacts, false)),
                item("menuCopyGroup", "menu.copyToGroup", () -> changeGroups(contacts, true)));
        Set<String> commonGroups = new TreeSet<>(contacts.get(0).groups());
        contacts.forEach(contact -> commonGroups.retainAll(contact.groups()));
        for (String group : commonGroups) {
            menu.getItems().add(literalItem("menuLeaveGroup", texts.format("menu.removeFromGroup", group),
                    () -> whenDone(operations.setGroups(keys(contacts), groups -> without(groups, group)), () -> {
                    })));
        }
        boolean allBlocked = contacts.stream().allMatch(Contact::blocked);
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(allBlocked ? item("menuUnblock", "menu.unblock", () -> block(contacts, false))
                : item("menuBlock", "menu.block", () -> block(contacts, true)));
        menu.getItems().add(item("menuRemove", "menu.remove", () -> remove(contacts)));
        if (contacts.size() == 1) {
            List<ContactAction> contributed = context.ui().contactActions();
            if (!contributed.isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                Contact contact = contacts.get(0);
                for (ContactAction action : contributed) {
                    MenuItem item = new MenuItem(action.text());
                    item.setId("contactAction-" + action.id());
                    item.setOnAction(event -> action.onAction().accept(contact.account(), contact.jid()));
                    menu.getItems().add(item);
                }
            }
        }
        return Optional.of(menu);
    }

    private void singleContactItems(ContextMenu menu, Contact contact, List<RosterRow> selected) {
        menu.getItems().add(item("menuOpenChat", "menu.openChat", () -> openChat(contact, Optional.empty())));
        if (!contact.resources().isEmpty()) {
            Menu resources = new Menu(texts.get("menu.chatWithResource"));
            resources.setId("menuResources");
            for (ResourcePresence resource : contact.resources()) {
                MenuItem item = new MenuItem(texts.format("menu.resource", ErrorSentences.sanitize(resource.resource()), resource.priority(),
                        texts.get(RosterCell.PresenceStyle.labelKey(resource.kind()))));
                item.setOnAction(event -> openChat(contact, Optional.of(resource.resource())));
                resources.getItems().add(item);
            }
            menu.getItems().add(resources);
        }
        menu.getItems().add(item("menuDetails", "menu.details", () -> new ContactDetailsDialog(context, operations, texts).show(contact)));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item("menuRename", "menu.rename", () -> rename(contact)));
        menu.getItems().add(subscriptionMenu(contact));
        menu.getItems().add(new SeparatorMenuItem());
    }

    private Menu subscriptionMenu(Contact contact) {
        Menu menu = new Menu(texts.get("menu.subscription"));
        menu.setId("menuSubscription");
        ContactKey key = contact.key();
        var state = contact.subscription();
        if (!state.subscription().iSeeThem() && !state.pendingOut()) {
            menu.getItems().add(item("menuRequest", "menu.requestSubscription", () -> whenDone(operations.requestSubscription(key), () -> {
            })));
        }
        if (state.subscription().iSeeThem() || state.pendingOut()) {
            menu.getItems().add(item("menuCancel", "menu.cancelSubscription", () -> whenDone(operations.cancelSubscription(key), () -> {
            })));
        }
        if (state.subscription().theySeeMe()) {
            menu.getItems().add(item("menuRevoke", "menu.revokeSubscription", () -> whenDone(operations.revokeSubscription(key), () -> {
            })));
        } else if (!state.preApproved() && operations.preApprovalSupported(key.account())) {
            menu.getItems().add(item("menuPreApprove", "menu.preApprove", () -> whenDone(operations.preApprove(key), () -> {
            })));
        }
        return menu;
    }

    private ContextMenu groupMenu(GroupRow group) {
        ContextMenu menu = new ContextMenu();
        if (!group.name().isEmpty()) {
            menu.getItems().add(item("menuRenameGroup", "menu.renameGroup", () -> renameGroup(group)));
        }
        return menu;
    }

    private void rename(Contact contact) {
        TextInputDialog dialog = textDialog(texts.get("rename.title"), texts.format("rename.header", contact.jid()), contact.name());
        dialog.showAndWait().ifPresent(name -> whenDone(operations.rename(contact.key(), name), () ->
                // Smack tells no roster listener about our own change; other plugins hear it from us.
                context.events().publish(new ContactRenamed(contact.account(), contact.jid(),
                        Optional.of(name.strip()).filter(given -> !given.isEmpty())))));
    }

    private void renameGroup(GroupRow group) {
        TextInputDialog dialog = textDialog(texts.get("renameGroup.title"), texts.format("renameGroup.header", group.name()), group.name());
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty() && !name.equals(group.name())).ifPresent(name -> {
            List<ContactKey> members = book.snapshot().stream()
                    .filter(contact -> contact.groups().contains(group.name()))
                    .filter(contact -> group.key().startsWith(contact.account().value() + "\n"))
                    .map(Contact::key).toList();
            whenDone(operations.setGroups(members, groups -> replaced(groups, group.name(), name)), () -> {
            });
        });
    }

    private void changeGroups(List<Contact> contacts, boolean copy) {
        GroupChoiceDialog dialog = new GroupChoiceDialog(texts, groupNames(), copy);
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(target -> whenDone(
                operations.setGroups(keys(contacts), groups -> copy ? with(groups, target) : List.of(target)), () -> {
                }));
    }

    void remove(List<Contact> contacts) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        context.ui().mainWindow().ifPresent(confirm::initOwner);
        confirm.setTitle(texts.get("remove.title"));
        confirm.setHeaderText(contacts.size() == 1 ? texts.format("remove.one", contacts.get(0).displayName())
                : texts.format("remove.many", contacts.size()));
        confirm.setContentText(texts.get("remove.detail"));
        confirm.getDialogPane().setId("removeConfirmation");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> whenDone(operations.remove(keys(contacts)), () -> {
        }));
    }

    private void block(List<Contact> contacts, boolean block) {
        Map<AccountId, List<Jid>> byAccount = new java.util.LinkedHashMap<>();
        for (Contact contact : contacts) {
            byAccount.computeIfAbsent(contact.account(), account -> new ArrayList<>()).add(contact.jid());
        }
        byAccount.forEach((account, jids) -> whenDone(block ? operations.block(account, jids) : operations.unblock(account, jids), () -> {
        }));
    }

    private TextInputDialog textDialog(String title, String header, String value) {
        TextInputDialog dialog = new TextInputDialog(value);
        context.ui().mainWindow().ifPresent(dialog::initOwner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }

    private MenuItem item(String id, String key, Runnable action) {
        return literalItem(id, texts.get(key), action);
    }

    private static MenuItem literalItem(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }

    private List<String> groupNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        book.snapshot().forEach(contact -> names.addAll(contact.groups()));
        return List.copyOf(names);
    }

    private static List<ContactKey> keys(List<Contact> contacts) {
        return contacts.stream().map(Contact::key).distinct().toList();
    }

    private static List<String> with(List<String> groups, String group) {
        Set<String> next = new LinkedHashSet<>(groups);
        next.add(group);
        return List.copyOf(next);
    }

    private static List<String> without(List<String> groups, String group) {
        return groups.stream().filter(name -> !name.equals(group)).toList();
    }

    private static List<String> replaced(List<String> groups, String old, String now) {
        return with(without(groups, old), now);
    }

    /** Runs {@code onSuccess} on the FX thread, or tells the user the operation's sentence. */
    void whenDone(CompletableFuture<?> operation, Runnable onSuccess) {
        operation.whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                onSuccess.run();
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                context.ui().notify(texts.get("error.title"), cause.getMessage());
            }
        }));
    }
}
