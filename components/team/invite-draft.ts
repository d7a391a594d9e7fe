/**
 * The invitation being filled in, kept in the tab until it is sent or cancelled (useDialogForm's
 * draft): its name here, so the team page can ask after it without loading the dialog.
 */
export const INVITE_DRAFT = "invite-member";
