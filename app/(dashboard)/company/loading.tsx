export { DashboardLoading as default } from "../dashboard-loading";
