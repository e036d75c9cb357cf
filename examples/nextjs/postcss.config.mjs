// Tailwind CSS 4 through PostCSS, as Next.js documents it (and OpenAI's ChatKit starter
// app uses). Installed from this app's package-lock.json; nothing comes from a CDN.
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
