package fr.subventions.collaboration;

import java.util.List;

/**
 * A message was written on a request's thread: published in the transaction that filed it, for the e-mail to the
 * other side (package {@code mail}, which listens; this module knows nothing of e-mails). It carries what the e-mail
 * tells and who should hear of it, never anything of the internal notes.
 *
 * @param attachments  the files' names
 * @param taskAssignee for the applicant's message: who has the request's current staff task, or null
 * @param taskGroups   for the applicant's message: that task's staff groups, or the instructing officers when the
 *                     request waits at no staff task
 */
public record MessageSent(Long requestId, Long messageId, Side side, String author, String authorName, String text,
        boolean question, List<String> attachments, String taskAssignee, List<String> taskGroups) {

    public MessageSent {
        attachments = List.copyOf(attachments);
        taskGroups = List.copyOf(taskGroups);
    }
}
