/**
 * Traditional Chinese strings only the server renders (see `server_en.ts`). Typed against the
 * English keys: a missing key fails the type check.
 *
 * @module
 */
import type { ServerKey } from "./server_en.ts";

/** zh-TW server-only section. */
export const serverZhTW: Record<ServerKey, string> = {
  "session.label": "您的帳戶",
  "session.signin": "登入",
  "session.signedInAs": "已登入：{email}",
  "session.admin": "管理",
  "session.signout": "登出",
  "meta.default": "可自行架設的 AI 交易系統：K 線圖、技術指標、型態、訊號、回測與模擬交易。",
  "meta.markets": "美股與台股的即時報價、走勢小圖與訊號，並可在瀏覽器中保存自選清單。",
  "meta.symbol": "{symbol}：K 線圖、技術指標、偵測到的圖表型態、交易訊號，以及 AI 分析師的看法。",
  "meta.screener": "用您自訂的指標與型態規則篩選美股與台股，並可儲存篩選條件。",
  "meta.alerts": "為您的標的設定價格、漲跌幅與規則警示，透過站內、電子郵件或 webhook 通知。",
  "meta.backtest": "以真實歷史資料回測交易策略並與買進持有比較，再用前進分析最佳化參數。",
  "meta.paper": "在模擬帳戶中交易，手續費與成交規則與回測相同，逐根 K 棒重播歷史。",
  "meta.alertsConfirm": "確認要接收警示通知的電子郵件地址，之後警示觸發時會寄信給您。",
  "meta.account": "登入、管理 API 權杖與方案，並兌換 AI 分析的兌換碼。",
  "meta.admin": "管理：產生兌換碼並查看每位使用者的 AI 用量。",
  "meta.sources": "市場資料、程式庫與字型的來源及其授權條款。",
  "meta.track": "AI 分析師的判斷有多準：命中率、校準程度與各標的的結果。",
  "sources.licenceFrom": "{licence}；資料來自 {source}",
  "sources.licence.matplotlib": "matplotlib 授權條款",
};
