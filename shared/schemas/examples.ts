/**
 * Examples of the main operations' requests and answers, shown in the OpenAPI documents. The
 * answers were recorded from core serving the bundled data (AAPL from QuantConnect LEAN's daily
 * bars, split-adjusted) and cut to one or two items per list; ids and times are those of that
 * run.
 *
 * @module
 */

/** Body of `POST /api/backtests`: SMA 10/50 on AAPL, 2014–2016, 5 bp fees, 2 bp slippage. */
export const BACKTEST_REQUEST_EXAMPLE = {
  "symbol": "AAPL",
  "strategy": "sma_cross",
  "params": { "fast": 10, "slow": 50 },
  "from": "2014-01-02",
  "to": "2016-12-30",
  "cash": 100000,
  "fee_bps": 5,
  "slippage_bps": 2,
};

/** Body of `POST /api/optimisations`: a 3×2 grid of SMA periods on AAPL. */
export const OPTIMISATION_REQUEST_EXAMPLE = {
  "symbol": "AAPL",
  "strategy": "sma_cross",
  "grid": { "fast": [5, 10, 20], "slow": [50, 100] },
  "from": "2014-01-02",
  "to": "2018-05-11",
  "metric": "sharpe",
};

/** Body of `POST /api/paper/accounts/{id}/orders`: a limit buy of 100 AAPL. */
export const PAPER_ORDER_REQUEST_EXAMPLE = {
  "client_order_id": "aapl-2018-05-01-1",
  "symbol": "AAPL",
  "side": "buy",
  "type": "limit",
  "qty": 100,
  "price": 42.5,
};

/** Body of `POST /api/auth/register` and `POST /api/auth/login`. */
export const CREDENTIALS_EXAMPLE = {
  "email": "trader@example.com",
  "password": "correct horse battery",
};

/** Body of `POST /analyze/{symbol}`. */
export const ANALYZE_REQUEST_EXAMPLE = {
  "period": "3mo",
  "include_patterns": true,
  "include_ai": false,
  "language": "en",
};

/** Body of `POST /api/ai/analyze/{symbol}`. */
export const AI_REQUEST_EXAMPLE = { "language": "en" };

/** Answer of `GET /symbols` (the first symbol of the bundled universe). */
export const SYMBOLS_RESPONSE_EXAMPLE = {
  "symbols": [{
    "symbol": "AAPL",
    "name": "Apple Inc.",
    "name_zh": null,
    "market": "US",
    "currency": "USD",
    "source":
      "github:QuantConnect/Lean@24863901deff (Apache-2.0; data from AlgoSeek (after 2007) and QuantQuote (before))",
    "bars": 5849,
    "first": "1998-01-02",
    "last": "2021-03-31",
  }],
  "total": 13,
};

/** Answer of `GET /api/symbols/AAPL/candles?from=2018-05-10&to=2018-05-11` (split-adjusted: 2018-05-11 closed at 188.59 as traded, 47.1475 after the 4:1 split of 2020). */
export const CANDLES_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "interval": "1d",
  "count": 2,
  "adjust": "split",
  "as_of": "2021-03-31",
  "stale": true,
  "candles": [{
    "date": "2018-05-10",
    "open": 46.935,
    "high": 47.5925,
    "low": 46.915,
    "close": 47.51,
    "volume": 109849488,
  }, {
    "date": "2018-05-11",
    "open": 47.3875,
    "high": 47.515,
    "low": 46.8625,
    "close": 47.1475,
    "volume": 98548240,
  }],
};

/** Answer of `GET /api/symbols/AAPL/quote` (the bundled history's last bar). */
export const QUOTE_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "date": "2021-03-31",
  "close": 122.15,
  "previous_close": 119.9,
  "change": 2.25,
  "change_percent": 1.8766,
  "volume": 109019052,
  "high_52w": 146.25,
  "low_52w": 59.225,
  "as_of": "2021-03-31",
  "stale": true,
  "interval": "1d",
};

/** Answer of `GET /api/symbols/AAPL/indicators?names=rsi,sma:50&from=2018-05-10&to=2018-05-11`. */
export const INDICATORS_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "from": "2018-05-10",
  "to": "2018-05-11",
  "dates": ["2018-05-10", "2018-05-11"],
  "series": { "rsi": [72.3125, 69.2355], "sma_50": [43.4297, 43.4977] },
  "indicators": [{ "name": "rsi", "params": { "period": 14 }, "outputs": ["rsi"] }, {
    "name": "sma",
    "params": { "period": 50 },
    "outputs": ["sma_50"],
  }],
  "interval": "1d",
  "partial": false,
};

/** Answer of `GET /api/symbols/AAPL/patterns?from=2018-01-02&to=2018-05-11&candles=1` (one of each list). */
export const PATTERNS_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "from": "2018-01-02",
  "to": "2018-05-11",
  "patterns": [{
    "kind": "rising_wedge",
    "start_index": 5015,
    "end_index": 5048,
    "start_date": "2017-12-06",
    "end_date": "2018-01-25",
    "pivots": [
      { "index": 5015, "date": "2017-12-06", "price": 41.6125, "type": "low" },
      { "index": 5023, "date": "2017-12-18", "price": 44.3, "type": "high" },
      { "index": 5031, "date": "2017-12-29", "price": 42.305, "type": "low" },
      { "index": 5041, "date": "2018-01-16", "price": 44.8475, "type": "high" },
      { "index": 5043, "date": "2018-01-18", "price": 43.1525, "type": "low" },
      { "index": 5044, "date": "2018-01-19", "price": 44.895, "type": "high" },
    ],
    "direction": "bearish",
    "breakout_level": 43.35338682432243,
    "target": 41.55929054054204,
    "invalidation": 45.0295542635685,
    "confirmed": true,
    "confidence": 0.79,
    "criteria": [
      "6 swing points on the two lines",
      "largest swing off its line 0.12",
      "100% of closes inside",
      "narrows from 2.51 to 1.78",
      "breakout volume 1.53× its 20-bar average",
      "closed below 43.35 on 2018-01-25",
    ],
    "criteria_codes": [
      { "code": "swing_points", "params": { "count": 6 } },
      { "code": "largest_swing", "params": { "residual": 0.12415540540522585 } },
      { "code": "closes_inside", "params": { "inside_pct": 100 } },
      { "code": "narrows", "params": { "from": 2.5112811648798044, "to": 1.7773933453835156 } },
      { "code": "breakout_volume", "params": { "volume_ratio": 1.528640982720283, "bars": 20 } },
      { "code": "closed_below", "params": { "price": 43.35338682432243, "date": "2018-01-25" } },
    ],
    "lines": [{
      "from": { "index": 5015, "price": 44.07057170542184 },
      "to": { "index": 5048, "price": 45.0295542635685 },
      "label": "upper",
    }, {
      "from": { "index": 5015, "price": 41.55929054054204 },
      "to": { "index": 5048, "price": 43.35338682432243 },
      "label": "lower",
    }],
  }],
  "candlesticks": [{
    "kind": "doji",
    "index": 5036,
    "date": "2018-01-08",
    "direction": "neutral",
    "confidence": 0.701,
    "trend": "none",
  }],
  "levels": [{
    "price": 41.06666666666666,
    "kind": "support",
    "touches": 3,
    "first_index": 5057,
    "last_index": 5093,
    "first_date": "2018-02-07",
    "last_date": "2018-04-02",
    "strength": 0.765,
  }],
  "interval": "1d",
};

/** Answer of `GET /api/symbols/AAPL/signals?from=2018-04-02&to=2018-05-11` (the last signal, two score factors). */
export const SIGNALS_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "from": "2018-04-02",
  "to": "2018-05-11",
  "signals": [{
    "index": 5122,
    "date": "2018-05-11",
    "type": "sell",
    "name": "rsi_overbought_exit",
    "family": "technical",
    "reason": "RSI(14) crossed down through 70 to 69.24",
    "reason_code": "rsi_cross_down_70",
    "reason_params": { "rsi": 69.23547729876573 },
    "strength": 0.6,
  }],
  "score": {
    "index": 5122,
    "date": "2018-05-11",
    "score": 33.06,
    "stance": "BUY",
    "confidence": 0.55,
    "reasons": [{
      "factor": "trend",
      "value": 43.72049999999998,
      "weight": 25,
      "contribution": 25,
      "text": "Trend: close 47.15 > MA20 43.72, > MA50 43.50, MA50 > MA200 41.88",
      "text_code": "trend_all",
      "text_params": {
        "close": 47.1475,
        "vs_ma20": ">",
        "ma20": 43.72049999999998,
        "vs_ma50": ">",
        "ma50": 43.49765000000004,
        "vs_ma200": ">",
        "ma200": 41.87821249999992,
      },
    }, {
      "factor": "rsi",
      "value": 69.23547729876573,
      "weight": 15,
      "contribution": 7.21,
      "text": "RSI(14) 69.24 shows positive momentum",
      "text_code": "rsi_positive",
      "text_params": { "rsi": 69.23547729876573 },
    }],
  },
  "interval": "1d",
};

/** Answer of `POST /api/backtests` with {@link BACKTEST_REQUEST_EXAMPLE} (first trade, first and last equity points). */
export const BACKTEST_RESPONSE_EXAMPLE = {
  "id": "f17ad298-a435-48ac-9964-d12eb71c45c7",
  "symbols": ["AAPL"],
  "strategy": "sma_cross",
  "params": { "fast": 10, "slow": 50 },
  "created_at": "2026-12-03T21:21:27.500Z",
  "from": "2014-01-02",
  "to": "2016-12-30",
  "metrics": {
    "total_return": 0.19336012800910707,
    "cagr": 0.060694966121899174,
    "volatility": 0.15792376038485648,
    "sharpe": 0.451991795774908,
    "sortino": 0.6613116321212231,
    "calmar": 0.3380059028778983,
    "max_drawdown": 0.17956776969017818,
    "max_drawdown_duration": 422,
    "trade_count": 10,
    "win_rate": 0.4,
    "profit_factor": 1.9691585247234034,
    "expectancy": 1933.6012800910707,
    "avg_win": 9821.838602704578,
    "avg_loss": -3325.2236016512675,
    "exposure_pct": 58.46560846560847,
    "fees": 1075.1599968036428,
    "final_equity": 119336.01280091071,
    "bars": 756,
  },
  "benchmark": {
    "total_return": 0.4649814433347501,
    "cagr": 0.13573595417232887,
    "volatility": 0.23983831194309616,
    "sharpe": 0.6507124074981352,
    "sortino": 0.938718583688061,
    "calmar": 0.42321777319051196,
    "max_drawdown": 0.3207236623099644,
    "max_drawdown_duration": 469,
    "trade_count": 1,
    "win_rate": 1,
    "profit_factor": null,
    "expectancy": 46498.14433347499,
    "avg_win": 46498.14433347499,
    "avg_loss": null,
    "exposure_pct": 99.86772486772487,
    "fees": 49.967616525,
    "final_equity": 146498.144333475,
    "bars": 756,
  },
  "trades": [{
    "symbol": "AAPL",
    "side": "long",
    "entry_date": "2014-03-24",
    "entry_price": 19.227058928571427,
    "exit_date": "2014-04-15",
    "exit_price": 18.566286,
    "qty": 5198,
    "pnl": -3532.922586183628,
    "return_pct": -0.035349639461796305,
    "bars_held": 16,
    "fees": 98.22490346935714,
    "exit_reason": "signal",
  }],
  "equity": [{ "date": "2014-01-02", "equity": 100000, "benchmark": 100000 }, {
    "date": "2016-12-30",
    "equity": 119336.01280091071,
    "benchmark": 146498.144333475,
  }],
  "interval": "1d",
};

/** Answer of `POST /api/optimisations` with {@link OPTIMISATION_REQUEST_EXAMPLE}: the accepted job. */
export const OPTIMISATION_RESPONSE_EXAMPLE = {
  "id": "4562ba6f-0de7-46c4-b6f8-9d884593f062",
  "kind": "grid",
  "status": "running",
  "done": 0,
  "total": 6,
  "progress": 0,
  "error": null,
  "result": null,
  "created_at": "2026-12-03T21:21:27.628Z",
  "updated_at": "2026-12-03T21:21:27.628Z",
};

/** Answer of `POST /api/auth/login` (and register, `GET /api/me`). */
export const ME_RESPONSE_EXAMPLE = {
  "user": {
    "id": "ea9d231a-cb8d-47f0-8dda-9d8777423813",
    "email": "trader@example.com",
    "role": "user",
    "plan": "free",
  },
  "quota": {
    "plan": "free",
    "unlimited": false,
    "credits": 0,
    "free_remaining": 3,
    "daily_limit": 1,
    "daily_remaining": 1,
    "remaining": 4,
    "resets_at": "2026-12-04T00:00:00.000Z",
  },
};

/** Answer of `POST /api/tokens`: the secret is shown in this answer only. */
export const TOKEN_RESPONSE_EXAMPLE = {
  "id": "7d0371a3-ff59-4380-be91-43b86445ad66",
  "name": "research notebook",
  "prefix": "tsk_IuA1y9",
  "scopes": ["read", "backtest"],
  "parent_id": null,
  "created_at": "2026-12-03T21:21:29.367Z",
  "last_used_at": null,
  "token": "tsk_IuA1y9xO_c2PIqWO50UZtEqr5ikHABJTbd2p3d2zf04",
};

/** Answer of `POST /api/paper/accounts/{id}/orders` with {@link PAPER_ORDER_REQUEST_EXAMPLE}. */
export const ORDER_RESPONSE_EXAMPLE = {
  "id": "ec3a00b3-1da2-49a2-ad18-a84fb1d56e87",
  "account_id": "097f2a41-b808-4d14-9bc6-1455ff978181",
  "client_order_id": "aapl-2018-05-01-1",
  "symbol": "AAPL",
  "side": "buy",
  "type": "limit",
  "qty": 100,
  "price": 42.5,
  "status": "open",
  "reason": null,
  "source": "api",
  "placed_clock": "2018-05-01",
  "created_at": "2026-12-03T21:21:29.383Z",
  "filled_date": null,
  "fill_price": null,
  "fee": null,
  "allow_short": false,
};

/**
 * Answer of `POST /api/ai/analyze/AAPL` without an LLM configured: the rule-based analyst (two
 * reasons, one risk); its stated confidence 0.51 is calibrated to 0.415 by its track record.
 */
export const AI_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "language": "en",
  "stance": "BUY",
  "confidence": 0.41530141003353876,
  "stated_confidence": 0.51,
  "confidence_calibrated": true,
  "horizon": "20 trading days",
  "horizon_days": 20,
  "entry": 122.15,
  "target": 129.47,
  "stop": 115.47,
  "summary": "AAPL: BUY from the composite score 26.54; entry 122.15, target 129.47, stop 115.47.",
  "reasons": [{
    "text": "Composite score 26.54 on 2021-03-31 gives BUY (confidence 0.51).",
    "fact_refs": [
      {
        "id": "score.value",
        "label": "Composite score (-100..100)",
        "value": 26.54,
        "date": "2021-03-31",
      },
      { "id": "score.stance", "label": "Composite stance", "value": "BUY", "date": "2021-03-31" },
      {
        "id": "score.confidence",
        "label": "Composite confidence (0..1)",
        "value": 0.51,
        "date": "2021-03-31",
      },
    ],
    "cited_values": [26.54, 0.51],
    "unverified_values": [],
    "unknown_fact_ids": [],
    "verified": true,
  }, {
    "text": "MACD histogram 0.3148 is above zero and rising.",
    "fact_refs": [{
      "id": "score.macd",
      "label": "Composite factor macd (±20): MACD histogram 0.3148 (above zero, rising)",
      "value": 20,
      "date": "2021-03-31",
    }, {
      "id": "ind.macd_hist",
      "label": "MACD(12,26,9) histogram",
      "value": 0.3148,
      "date": "2021-03-31",
    }],
    "cited_values": [0.3148],
    "unverified_values": [],
    "unknown_fact_ids": [],
    "verified": true,
  }],
  "risks": ["The stochastic factor points the other way."],
  "invalidation": "A close below 115.47, or no progress within 20 trading days.",
  "source": "rules",
  "model": "rules",
  "fallback_reason": "no_api_key: OPENAI_API_KEY is not set, so the rule-based analyst answered",
  "usage": null,
  "prompt_version": "rules-v1",
  "data_date": "2021-03-31",
  "last_price": 122.15,
  "citations_ok": true,
  "cached": false,
  "created_at": "2026-12-03T21:21:29.661Z",
  "track_record": {
    "source": "rules",
    "model": "rules",
    "prompt_version": "rules-v1",
    "stance": "BUY",
    "own_record": true,
    "own_scored_calls": 463,
    "scored_calls": 306,
    "hit_rate": 0.4117647058823529,
    "hit_rate_low": 0.358048010798441,
    "hit_rate_high": 0.46766930861538886,
    "baseline_analytic": 0.44806836377866693,
    "baseline_random": 0.4111568627450984,
    "verdict": "no_measurable_edge",
    "period_from": "1998-12-29",
    "period_to": "2021-03-04",
    "as_of": "2021-03-31",
    "calibrated_confidence": 0.41530141003353876,
    "calibration_calls": 463,
    "calibration_min_calls": 30,
    "confidence_ceiling": 0.41530141003353876,
  },
};

/** Answer of `POST /analyze/AAPL` with `{"period": "3mo"}` (one item of each list). */
export const ANALYZE_RESPONSE_EXAMPLE = {
  "symbol": "AAPL",
  "market": "US",
  "period": "3mo",
  "from": "2021-01-04",
  "to": "2021-03-31",
  "current_price": 122.15,
  "price_change": 2.25,
  "price_change_percent": 1.8766,
  "volume": 109019052,
  "indicators": {
    "date": "2021-03-31",
    "sma_5": 121.048,
    "sma_10": 121.178,
    "sma_20": 121.4033,
    "sma_50": 128.1459,
    "sma_200": 117.4752,
    "ema_12": 121.5832,
    "ema_26": 123.1126,
    "rsi_14": 47.7317,
    "macd": { "macd": -1.5294, "signal": -1.8442, "histogram": 0.3148 },
    "bollinger": { "upper": 125.3578, "middle": 121.4033, "lower": 117.4487 },
    "stochastic": { "k": 27.1844, "d": 27.8564 },
    "williams_r": -60.6459,
    "atr_14": 3.3398,
    "adx": { "adx": 25.8912, "plus_di": 20.5798, "minus_di": 26.9872 },
    "obv": 118664369000,
    "volume_ratio": 1.0047,
    "vwap_20": 121.314,
  },
  "patterns": {
    "chart": [{
      "kind": "head_and_shoulders",
      "start_index": 5785,
      "end_index": 5848,
      "start_date": "2020-12-29",
      "end_date": "2021-03-31",
      "pivots": [
        { "index": 5785, "date": "2020-12-29", "price": 138.789, "type": "high" },
        { "index": 5790, "date": "2021-01-06", "price": 126.38, "type": "low" },
        { "index": 5802, "date": "2021-01-25", "price": 146.25, "type": "high" },
        { "index": 5822, "date": "2021-02-23", "price": 118.38, "type": "low" },
        { "index": 5827, "date": "2021-03-02", "price": 128.72, "type": "high" },
      ],
      "direction": "bearish",
      "breakout_level": 111.88000000000011,
      "target": 89.01000000000022,
      "invalidation": 128.72,
      "confirmed": false,
      "confidence": 0.67,
      "criteria": [
        "shoulders 138.8 and 128.7 around head 146.3",
        "spans of 17 and 25 bars",
        "head 49% of its height beyond the shoulders",
        "neckline from 126.4 to 118.4",
        "volume not lower on the right shoulder",
        "breakout volume: not yet (pending)",
      ],
      "criteria_codes": [
        { "code": "shoulders", "params": { "left": 138.789, "right": 128.72, "head": 146.25 } },
        { "code": "spans", "params": { "left_bars": 17, "right_bars": 25 } },
        { "code": "head_prominence", "params": { "prominence_pct": 49 } },
        { "code": "neckline", "params": { "from": 126.38, "to": 118.38 } },
        { "code": "right_shoulder_volume_not_lower", "params": {} },
        { "code": "breakout_volume_pending", "params": {} },
      ],
      "lines": [{
        "from": { "index": 5790, "price": 126.38 },
        "to": { "index": 5848, "price": 111.88000000000011 },
        "label": "neckline",
      }],
    }],
    "chart_total": 5,
    "candlestick": [{
      "kind": "doji",
      "index": 5847,
      "date": "2021-03-30",
      "direction": "neutral",
      "confidence": 0.565,
      "trend": "none",
    }],
    "levels": [{
      "price": 41.34267857142857,
      "kind": "support",
      "touches": 14,
      "first_index": 4937,
      "last_index": 5387,
      "first_date": "2017-08-16",
      "last_date": "2019-06-03",
      "strength": 0.926,
    }],
  },
  "signals": [{
    "index": 5848,
    "date": "2021-03-31",
    "type": "buy",
    "name": "close_above_ma10",
    "family": "analyst",
    "reason": "Close 122.15 moved above MA10 121.18",
    "reason_code": "close_above_ma10",
    "reason_params": { "close": 122.15, "ma10": 121.17800000000011 },
    "strength": 0.5,
  }],
  "signals_total": 24,
  "score": {
    "index": 5848,
    "date": "2021-03-31",
    "score": 26.54,
    "stance": "BUY",
    "confidence": 0.51,
    "reasons": [{
      "factor": "macd",
      "value": 0.31477574736662506,
      "weight": 20,
      "contribution": 20,
      "text": "MACD histogram 0.3148 (above zero, rising)",
      "text_code": "macd_above_rising",
      "text_params": { "histogram": 0.31477574736662506 },
    }, {
      "factor": "trend",
      "value": 121.40325000000006,
      "weight": 25,
      "contribution": 8.33,
      "text": "Trend: close 122.15 > MA20 121.40, < MA50 128.15, MA50 > MA200 117.48",
      "text_code": "trend_all",
      "text_params": {
        "close": 122.15,
        "vs_ma20": ">",
        "ma20": 121.40325000000006,
        "vs_ma50": "<",
        "ma50": 128.14590000000027,
        "vs_ma200": ">",
        "ma200": 117.47522499999991,
      },
    }],
  },
  "data_points": 61,
  "last_updated": "2021-03-31",
  "interval": "1d",
  "as_of": "2021-03-31",
  "stale": true,
  "ai_analysis": null,
};
