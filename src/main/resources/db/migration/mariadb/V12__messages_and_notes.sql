-- Working a dossier with others (package collaboration, issue 18): the thread of messages between a request's
-- applicant and staff, with the files joined to them; since when a request waits for the applicant's answer; how far
-- each member of staff has read each thread; staff's internal notes. And the worklist's filter « en attente de
-- réponse du demandeur », kept with the user's other filters.

create table request_message (
    question bit not null,
    id bigint not null auto_increment,
    request_id bigint not null,
    sent_at datetime(6) not null,
    author varchar(100) not null,
    author_name varchar(200) not null,
    text varchar(5000) not null,
    side enum ('APPLICANT','STAFF') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- A request's thread in order, and its applicant's messages after a reader's mark (the worklist's « non lus »)
create index ix_request_message_thread on request_message (request_id, side, id);

create table request_message_attachment (
    position integer not null,
    document_id bigint not null,
    message_id bigint not null,
    primary key (message_id, position)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table request_message_attachment
    add constraint fk_message_attachment_message foreign key (message_id) references request_message (id);

create table message_thread (
    awaiting_reply_since datetime(6),
    last_message_at datetime(6) not null,
    question_id bigint,
    request_id bigint not null,
    primary key (request_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- The worklist's filter: the few requests waiting for an answer, out of all
create index ix_message_thread_awaiting on message_thread (awaiting_reply_since);

create table message_read_mark (
    id bigint not null auto_increment,
    last_read_message_id bigint not null,
    read_at datetime(6) not null,
    request_id bigint not null,
    username varchar(100) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table message_read_mark
    add constraint uk_message_read_mark unique (request_id, username);

create table internal_note (
    edited_at datetime(6),
    id bigint not null auto_increment,
    request_id bigint not null,
    version bigint not null,
    written_at datetime(6) not null,
    author varchar(100) not null,
    author_name varchar(200) not null,
    text varchar(5000) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_internal_note_request on internal_note (request_id, id);

alter table worklist_preference
    add column awaiting_reply bit not null default 0;
alter table worklist_preference
    alter column awaiting_reply drop default;

alter table request_document
    modify column type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN',
        'CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT',
        'MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS',
        'REMINDER','COMPTE_RENDU_FINANCIER','DELIBERATION_LIST','EXECUTORY_CERTIFICATE','MESSAGE_ATTACHMENT') not null;
