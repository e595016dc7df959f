// The page's own words (its chrome); everything the bot says comes from the conversation core.
window.ResidentBotTexts = {
  vi: {
    title: 'Phản ánh hiện trường', placeholder: 'Nhập tin nhắn…', send: 'Gửi', photo: 'Gửi ảnh',
    location: 'Gửi vị trí của tôi', shareLocation: '📍 Gửi vị trí của tôi', connecting: 'Đang kết nối…',
    offline: 'Mất kết nối, đang thử lại…', noGeo: 'Trình duyệt không cho lấy vị trí.', tooBig: 'Ảnh quá lớn (tối đa 10 MB).',
    notPhoto: 'Chỉ gửi được ảnh JPG, PNG, GIF hoặc WebP.', tooFast: 'Bạn gửi hơi nhanh, vui lòng đợi một chút rồi gửi lại.',
    sendFailed: 'Chưa gửi được, bạn thử lại nhé.', limit: 'Tối đa {max} ký tự',
    myLocation: '📍 Vị trí của tôi', myPhoto: '📷 Ảnh', official: 'Cán bộ', switchTo: 'EN'
  },
  en: {
    title: 'Report a local problem', placeholder: 'Type a message…', send: 'Send', photo: 'Send a photo',
    location: 'Share my location', shareLocation: '📍 Share my location', connecting: 'Connecting…',
    offline: 'Connection lost, retrying…', noGeo: 'The browser did not give a location.', tooBig: 'The photo is too large (10 MB at most).',
    notPhoto: 'Only JPG, PNG, GIF or WebP photos can be sent.', tooFast: 'You are sending a little fast; please wait a moment and try again.',
    sendFailed: 'Could not send it; please try again.', limit: 'At most {max} characters',
    myLocation: '📍 My location', myPhoto: '📷 Photo', official: 'Official', switchTo: 'VI'
  }
};
