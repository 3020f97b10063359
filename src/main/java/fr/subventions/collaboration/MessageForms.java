package fr.subventions.collaboration;

import fr.subventions.shared.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A message as a form or a multipart call sends it: the question's box, and the files chosen. */
public final class MessageForms {

    private MessageForms() {
    }

    /** A yes or no as a form sends it: true, on, false, or nothing (no). */
    public static boolean question(String value, String field) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        throw new InvalidInputException(field, "valeur invalide : true ou false");
    }

    /** The files chosen, an empty file field (no name, nothing in it) aside. */
    public static List<Messages.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Messages.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                boolean unnamed = file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty();
                if (!(unnamed && file.isEmpty())) {
                    uploads.add(new Messages.Upload(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        return uploads;
    }
}
