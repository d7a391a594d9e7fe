/**
 * The team page's dialogs that keep what is typed in the tab until it is sent or cancelled
 * (useDialogForm's draft): their names here, so the page can ask after a draft (hasDraft) and
 * open its dialog without loading the dialog first.
 */
export const INVITE_DRAFT = "invite-member";
export const SERVICE_USER_DRAFT = "service-user";
