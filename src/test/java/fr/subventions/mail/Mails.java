package fr.subventions.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A received message read back as a person's mail client shows it: subject, addresses, text, HTML, attachments. */
public record Mails(String subject, String from, List<String> to, List<String> cc, String text, String html,
        List<String> attachments) {

    public static Mails read(MimeMessage message) {
        try {
            List<String> attachments = new ArrayList<>();
            String[] parts = new String[2];
            walk(message, parts, attachments);
            return new Mails(message.getSubject(), message.getFrom()[0].toString(), addresses(message, Message.RecipientType.TO),
                    addresses(message, Message.RecipientType.CC), parts[0], parts[1], attachments);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable message", e);
        }
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
        return message.getRecipients(type) == null ? List.of()
                : Arrays.stream(message.getRecipients(type)).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static void walk(Part part, String[] texts, List<String> attachments) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part.getFileName());
        } else if (part.isMimeType("text/plain") && texts[0] == null) {
            texts[0] = ((String) part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("text/html") && texts[1] == null) {
            texts[1] = ((String) part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                walk(body, texts, attachments);
            }
        }
    }
}
