-- The roll of each agenda item when it is called (agenda_item_seat) and of the séance at its opening
-- (session_opening_seat); an item voted without quorum, or adjourned for lack of it; a séance convened again after one
-- without quorum; the amount an assembly voted when it amended the proposal down.
--
-- Items and séances of the previous release have no roll of their own: the application falls back on the séance's
-- attendance, which is what that release counted.

alter table agenda_item add column adjourned_for_lack_of_quorum boolean default false not null;
alter table agenda_item add column without_quorum boolean default false not null;
alter table agenda_item add column voted_amount numeric(15,2);

-- The defaults only filled the existing rows: the application always writes both
alter table agenda_item alter column adjourned_for_lack_of_quorum drop default;
alter table agenda_item alter column without_quorum drop default;

create table agenda_item_seat (
    present boolean not null,
    agenda_item_id bigint not null,
    member_id bigint not null,
    proxy_holder_id bigint
);

alter table agenda_item_seat
    add constraint FK9wqlpw47o7mqwxwy5qic0rodw foreign key (agenda_item_id) references agenda_item (id);

create table session_opening_seat (
    present boolean not null,
    member_id bigint not null,
    proxy_holder_id bigint,
    session_id bigint not null
);

alter table session_opening_seat
    add constraint FKkk2mialepfaibnucd2aks24mv foreign key (session_id) references assembly_session (id);

alter table assembly_session add column reconvened_as_id bigint;
alter table assembly_session add column reconvened_from_id bigint;
